/**
 * Loading a profile by name (`profiles/<name>.json` in the package) or by file path, validated. A profile's tokenizer
 * file is resolved against the profile's folder and must exist: a missing tokenizer is refused at load, not on the
 * millionth item.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROFILES_DIR } from '../core/paths.js';
import type { Profile } from './types.js';
import { ProfileError, validateProfile } from './validate.js';

const NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** The names of the shipped profiles, sorted by code unit. */
export function listProfiles(dir = PROFILES_DIR): string[] {
  let files: string[];
  try {
    files = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A bare name is looked up in `dir`; anything with a slash or a `.json` ending is a path. */
export function resolveProfilePath(nameOrPath: string, dir = PROFILES_DIR): string {
  if (NAME.test(nameOrPath) && !nameOrPath.endsWith('.json')) {
    const file = path.join(dir, `${nameOrPath}.json`);
    if (!fs.existsSync(file)) {
      const known = listProfiles(dir);
      throw new Error(`no profile named '${nameOrPath}' in ${dir} (known: ${known.length ? known.join(', ') : 'none'}); give a name or a path to a .json file`);
    }
    return file;
  }
  return path.resolve(nameOrPath);
}

/** Parses and validates a profile file; `tokenizer.file` comes back as an absolute path. */
export function loadProfileFile(file: string): Profile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ProfileError(file, '(file)', `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(file, '(file)', `is not valid JSON: ${(e as Error).message}`);
  }
  const profile = validateProfile(data, file);
  const tok = profile.tokenizer;
  if (tok?.file !== undefined) {
    const resolved = path.resolve(path.dirname(file), tok.file);
    let ok = false;
    try {
      ok = fs.statSync(resolved).isFile();
    } catch {
      ok = false;
    }
    if (!ok) throw new ProfileError(file, 'tokenizer.file', `${resolved} does not exist or is not a file`);
    tok.file = resolved;
  }
  return profile;
}

/** Loads a profile by name or path. */
export function loadProfile(nameOrPath: string, dir = PROFILES_DIR): Profile {
  return loadProfileFile(resolveProfilePath(nameOrPath, dir));
}
