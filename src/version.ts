/** The package version; part of every run's fingerprint. Kept in step with package.json by a test. */
export const VERSION = '0.1.0';
