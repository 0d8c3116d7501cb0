/**
 * The WitnessContext of one item: filler sentences and words on the task's topic, in English or, for an item with a
 * `language:response_language` constraint, in that language (so every step that pads or adds text keeps the language).
 */
import type { Rng } from '../../core/rng.js';
import type { WitnessContext } from './constraints/types.js';
import { FILLER_SENTENCES, FILLER_WORDS } from './data/filler.js';
import { LANGUAGE_SENTENCES } from './data/languages.js';

export interface WitnessTopic {
  /** Nouns the English filler talks about (lowercase). */
  nouns: readonly string[];
  /** ISO code of the response language when it is not English. */
  language?: string;
}

const bankWords = new Map<string, readonly string[]>();
function wordsOfBank(code: string): readonly string[] {
  let w = bankWords.get(code);
  if (!w) {
    w = LANGUAGE_SENTENCES[code]!.flatMap((s) => s.split(/\s+/)).map((x) => x.replace(/[.。।۔]+$/u, '')).filter((x) => x.length > 0);
    bankWords.set(code, w);
  }
  return w;
}

/** Each filler sentence split around its `{n}` (the first one, as String.replace with a string pattern finds it). */
const FILLER_PARTS: readonly (readonly [string, string] | null)[] = FILLER_SENTENCES.map((s) => {
  const at = s.indexOf('{n}');
  return at < 0 ? null : [s.slice(0, at), s.slice(at + 3)];
});

/** `FILLER_SENTENCES[i].replace('{n}', noun)` without scanning the sentence again. */
function fillerSentence(i: number, noun: string): string {
  const parts = FILLER_PARTS[i]!;
  // A `$` in the noun would be a replacement pattern for String.replace: keep its meaning.
  if (parts === null || noun.includes('$')) return FILLER_SENTENCES[i]!.replace('{n}', noun);
  return parts[0] + noun + parts[1];
}

export function createWitnessContext(rng: Rng, prompt: string, topic: WitnessTopic): WitnessContext {
  const bank = topic.language ? LANGUAGE_SENTENCES[topic.language] : undefined;
  return {
    rng,
    prompt,
    sentences(count) {
      const out: string[] = [];
      for (let i = 0; i < count; i++) {
        if (bank) out.push(bank[rng.int(0, bank.length - 1)]!);
        else {
          // rng.pick(FILLER_SENTENCES), then the noun: the same two draws in the same order.
          const s = Math.floor(rng.next() * FILLER_SENTENCES.length);
          out.push(fillerSentence(s, rng.pick(topic.nouns)));
        }
      }
      return out;
    },
    words(count) {
      const pool = bank ? wordsOfBank(topic.language!) : FILLER_WORDS;
      const out: string[] = [];
      for (let i = 0; i < count; i++) out.push(rng.pick(pool));
      return out;
    },
  };
}
