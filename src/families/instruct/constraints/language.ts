/**
 * IFEval group `language:`. The reference asks Python's langdetect (seeded) for the language of the whole response;
 * where langdetect finds no features at all (no letters it knows), it raises and the instruction counts as followed.
 */
import { detectLanguage, IFEVAL_LANGUAGES } from '../../../text/langid.js';
import { defineConstraint } from './types.js';

/** Languages a witness can be written in: every language of the table but English (its own sentence banks). */
const WITNESS_LANGUAGES = Object.keys(IFEVAL_LANGUAGES).filter((c) => c !== 'en');

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
  sample: (rng) => ({ language: rng.pick(WITNESS_LANGUAGES) }),
  describe({ language }, rng) {
    const name = IFEVAL_LANGUAGES[language]!;
    return rng.pick([
      `Your ENTIRE response should be in ${name} language, no other language is allowed.`,
      `Write the whole answer in ${name} only.`,
      `Respond in ${name}; do not use any other language.`,
    ]);
  },
  // The composer writes the whole witness in the language (its WitnessContext draws filler from the language's
  // sentence bank, src/families/instruct/data/languages.ts), so this step has nothing left to change.
  witness: { phase: 'content', apply: (response) => response },
  check(response, { language }) {
    const got = detectLanguage(response);
    if (got === null) return { pass: true, detail: 'no language features found (the reference counts this as followed)' };
    return { pass: got === language, detail: `detected language ${got}; required ${language}` };
  },
});

export const languageConstraints = [responseLanguage] as const;
