/**
 * IFEval group `language:`. The reference asks Python's langdetect (seeded) for the language of the whole response;
 * where langdetect finds no features at all (no letters it knows), it raises and the instruction counts as followed.
 */
import { detectLanguage, IFEVAL_LANGUAGES } from '../../../text/langid.js';
import { defineConstraint } from './types.js';

export const responseLanguage = defineConstraint<{ language: string }>({
  id: 'language:response_language',
  usesLanguageId: true,
  kwargs: [
    {
      name: 'language',
      kind: { type: 'enum', values: Object.keys(IFEVAL_LANGUAGES) },
      note: "the reference's table of ISO 639-1 codes",
    },
  ],
  check(response, { language }) {
    const got = detectLanguage(response);
    if (got === null) return { pass: true, detail: 'no language features found (the reference counts this as followed)' };
    return { pass: got === language, detail: `detected language ${got}; required ${language}` };
  },
});

export const languageConstraints = [responseLanguage] as const;
