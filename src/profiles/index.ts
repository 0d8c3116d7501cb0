/** Model profiles: types, validation, loading, building from Hugging Face files, and token counting. */
export type { Aliases, Architecture, Deployment, Fact, Identity, Modalities, Profile, TokenizerInfo, Training } from './types.js';
export { ProfileError, checkConsistency, checkSchema, validateProfile } from './validate.js';
export { listProfiles, loadProfile, loadProfileFile, resolveProfilePath } from './load.js';
export { profileFromHfConfig, profileFromHfFiles, type FromHfOptions } from './from-hf.js';
export { loadTokenizer, tokenCounterFor, type TokenCounter } from './tokenizer.js';
