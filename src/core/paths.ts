/** Where the package's data folders are, from src/core (tests) and dist/core (built) alike. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const PROFILES_DIR = path.join(PACKAGE_ROOT, 'profiles');
