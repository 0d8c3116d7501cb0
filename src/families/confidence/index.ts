/** The confidence family: wrapped items whose answers end with a stated probability of being right. */
import type { GeneratorDef } from '../../core/generator.js';
import { confidenceWrap } from './generator.js';

export const confidenceGenerators: readonly GeneratorDef<any, any>[] = [confidenceWrap];
export { bindRegistry } from './generator.js';
export { verifyConfidence } from './verify.js';
export type { ConfidenceTruth } from './truth.js';
