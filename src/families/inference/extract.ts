/**
 * inference.extract: read one field out of a generated document: an email (order or booking confirmation), an
 * invoice, a JSON or YAML record, or a log excerpt. Documents hold look-alike fields (two dates, two amounts, two
 * phone numbers, many log lines with the same keys), so the question must be read with care. Answers are the value
 * as it appears in the document; dates are asked as dates and answered in ISO form; amounts as plain numbers.
 * Difficulty adds look-alike fields, invoice lines, record nesting and log lines.
 * The documents are built in extract-mail.ts, extract-record.ts and extract-log.ts.
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { AnswerTruth } from './answer-truth.js';
import { lexicon } from './data/lexicon.js';
import { planLog } from './extract-log.js';
import { planMail } from './extract-mail.js';
import { planRecord } from './extract-record.js';
import type { DocPlan, Field } from './extract-util.js';
import { keepWrong, numberMisses, recallMisses, rememberMisses, spellingMisses } from './near-misses.js';

export interface ExtractConfig extends BaseConfig {
  /** Relative weights of the document kinds: [email or invoice, JSON or YAML record, log excerpt]. */
  weights: number[];
}

export const extract: GeneratorDef<ExtractConfig, AnswerTruth> = {
  family: 'inference',
  name: 'extract',
  version: 1,
  verifier: 'answer',
  description: 'Extract one field from a generated email, invoice, JSON or YAML record, or log excerpt, with look-alike fields as distractors.',
  defaults: { difficulty: 2, weights: [2, 1, 1] },
  validateConfig(c) {
    const w = c.weights;
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) || !w.some((x) => x > 0)) {
      throw new Error('inference.extract@1: weights must be three non-negative numbers [mail, record, log], not all 0');
    }
    return c;
  },
  generate({ rng, faker, config, refDate, templates }): Draft<AnswerTruth> {
    const lex = lexicon(faker);
    const d = config.difficulty;
    const which = rng.weightedIndex(config.weights);
    const doc: DocPlan = which === 0 ? planMail(rng, faker, lex, d, refDate) : which === 1 ? planRecord(rng, faker, lex, d, refDate) : planLog(rng, d, refDate);
    const field: Field = rng.pick(doc.fields)();
    const r = templates.render(doc.task, { document: doc.document, kind: doc.kind, lang: doc.lang, question: field.question, format: field.format }, rng);
    const draft: Draft<AnswerTruth> = {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: field.truth,
      answer: field.truth.answer,
      tags: ['extract', doc.task, field.truth.type],
    };
    return rememberMisses(draft, field.misses);
  },
  nearMisses(draft) {
    const t = draft.ground_truth;
    const generic = t.type === 'number' ? numberMisses(t.answer) : t.type === 'date' ? [] : spellingMisses(t.answer);
    return keepWrong(t, [...recallMisses(draft), ...generic]);
  },
};
