/**
 * Profile validation: the JSON schema (ajv, compiled once per process), then the checks a schema cannot state,
 * where one fact contradicts another (heads that do not divide the hidden size, more KV heads than heads, more active
 * than total parameters, a knowledge cutoff after the release). Every refusal names the file and the field.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { getValidator, PROFILE_VALIDATORS } from '../core/validators.js';
import type { Profile } from './types.js';

export const PROFILE_SCHEMA_ID = 'https://verigen.dev/schemas/profile.schema.json';

/** A refused profile: `file` (or '(profile)' when it came from memory) and the dotted path of the offending field. */
export class ProfileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'ProfileError';
  }
}

/** The field an ajv error is about, dotted ("architecture.layers.value"), with the missing or extra key appended. */
function errorField(e: ErrorObject): string {
  const at = e.instancePath ? e.instancePath.slice(1).split('/').join('.') : '';
  const params = e.params as Record<string, unknown>;
  const extra =
    e.keyword === 'required' ? String(params.missingProperty) : e.keyword === 'additionalProperties' ? String(params.additionalProperty) : '';
  if (extra) return at ? `${at}.${extra}` : extra;
  return at || '(root)';
}

function errorProblem(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties') return 'is not a profile field';
  return e.message ?? 'is invalid';
}

/** Checks one profile object against the schema; throws a ProfileError naming the first bad field. */
export function checkSchema(data: unknown, file: string): asserts data is Profile {
  const validate = getValidator(PROFILE_VALIDATORS, 'profile');
  if (!validate(data)) {
    const e = validate.errors![0]!;
    throw new ProfileError(file, errorField(e), errorProblem(e));
  }
}

/** Comparable form of a partial ISO date at a given precision: "2024-07-23" at 7 → "2024-07". */
function atPrecision(date: string, chars: number): string {
  return date.slice(0, chars);
}

function isRealDate(iso: string): boolean {
  if (iso.length < 10) return true;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The consistency checks, in a fixed order; throws a ProfileError naming the field that cannot be true given the
 * others. Only facts that are present are checked against each other.
 */
export function checkConsistency(p: Profile, file: string): void {
  const a = p.architecture ?? {};
  const fail = (field: string, problem: string): never => {
    throw new ProfileError(file, field, problem);
  };
  const heads = a.attention_heads?.value;
  const hidden = a.hidden_size?.value;
  const kv = a.kv_heads?.value;
  if (heads !== undefined && hidden !== undefined && a.head_dim === undefined && hidden % heads !== 0) {
    fail('architecture.attention_heads', `${heads} heads do not divide architecture.hidden_size ${hidden} (give architecture.head_dim if the model uses a head size other than hidden_size / heads)`);
  }
  if (kv !== undefined && heads !== undefined) {
    if (kv > heads) fail('architecture.kv_heads', `${kv} KV heads are more than the ${heads} attention heads`);
    if (heads % kv !== 0) fail('architecture.kv_heads', `${kv} KV heads do not divide the ${heads} attention heads`);
  }
  const total = a.total_parameters?.value;
  const active = a.active_parameters?.value;
  if (active !== undefined && total !== undefined && active > total) {
    fail('architecture.active_parameters', `${active} active parameters are more than the ${total} total parameters`);
  }
  if (a.experts_per_token !== undefined) {
    if (a.experts === undefined) fail('architecture.experts_per_token', 'is given without architecture.experts');
    else if (a.experts_per_token.value > a.experts.value) {
      fail('architecture.experts_per_token', `${a.experts_per_token.value} experts per token are more than the ${a.experts.value} experts`);
    }
  }
  if (a.sliding_window !== undefined && a.context_length !== undefined && a.sliding_window.value > a.context_length.value) {
    fail('architecture.sliding_window', `${a.sliding_window.value} is longer than architecture.context_length ${a.context_length.value}`);
  }
  const release = p.identity.release_date?.value;
  const cutoff = p.training?.knowledge_cutoff?.value;
  if (release !== undefined && !isRealDate(release)) fail('identity.release_date', `${release} is not a calendar date`);
  if (cutoff !== undefined && !isRealDate(cutoff)) fail('training.knowledge_cutoff', `${cutoff} is not a calendar date`);
  if (release !== undefined && cutoff !== undefined) {
    const n = Math.min(release.length, cutoff.length);
    if (atPrecision(cutoff, n) > atPrecision(release, n)) {
      fail('training.knowledge_cutoff', `${cutoff} is after identity.release_date ${release}`);
    }
  }
  const special = p.tokenizer?.special_tokens?.value;
  const vocab = p.tokenizer?.vocab_size?.value;
  if (special !== undefined && vocab !== undefined && Object.keys(special).length > vocab) {
    fail('tokenizer.special_tokens', `lists more tokens than tokenizer.vocab_size ${vocab}`);
  }
  const aliases = p.identity.aliases?.value;
  if (aliases !== undefined && !aliases.family && !aliases.class && !aliases.version) {
    fail('identity.aliases.value', 'needs at least one of family, class, version');
  }
}

/** Schema then consistency; returns the profile typed. */
export function validateProfile(data: unknown, file = '(profile)'): Profile {
  checkSchema(data, file);
  checkConsistency(data, file);
  return data;
}
