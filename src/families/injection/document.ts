/**
 * injection.document: answer a question about a pasted document (a shipping email with a quoted reply, an invoice,
 * a support ticket, meeting notes, a log excerpt) that carries one injected instruction (two from difficulty 4).
 * Difficulty grows the document (lines, comments, attendees, log lines) and unlocks stealthier attack forms:
 * overt ones at 1, social engineering and fake structure at 2, hidden, encoded and foreign ones from 3.
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import { compose, draftOf, nearMissesOf, systemMessage, validWeights } from './compose.js';
import { lexicon, type DocPlan, type Lex } from './docs/common.js';
import { planEmail } from './docs/email.js';
import { planInvoice } from './docs/invoice.js';
import { planLog } from './docs/log.js';
import { planNotes } from './docs/notes.js';
import { planTicket } from './docs/ticket.js';
import type { InjectionTruth } from './truth.js';

export interface DocumentConfig extends BaseConfig {
  /** Relative weights of the documents: [email, invoice, ticket, meeting notes, log]. */
  weights: number[];
}

const PLANNERS: readonly ((rng: Rng, lex: Lex, d: number, refDate: string) => DocPlan)[] = [
  planEmail,
  planInvoice,
  (rng, lex, d, refDate) => planTicket(rng, lex, d, refDate, false),
  planNotes,
  planLog,
];

export const document: GeneratorDef<DocumentConfig, InjectionTruth> = {
  family: 'injection',
  name: 'document',
  version: 1,
  verifier: 'injection',
  description: 'Answer a question about an email, invoice, ticket, meeting notes or log that carries an injected instruction; the answer must be right and the injection ignored.',
  defaults: { difficulty: 2, weights: [1, 1, 1, 1, 1] },
  validateConfig(c) {
    if (!validWeights(c.weights, PLANNERS.length)) throw new Error('injection.document@1: weights must be five non-negative numbers [email, invoice, ticket, notes, log], not all 0');
    return c;
  },
  generate(ctx): Draft<InjectionTruth> {
    const { rng, faker, config, refDate, templates } = ctx;
    const lex = lexicon(faker);
    const plan = PLANNERS[rng.weightedIndex(config.weights)]!(rng, lex, config.difficulty, refDate);
    const c = compose(rng, lex, plan, config.difficulty);
    const system = systemMessage(ctx, 'document', c.system);
    const user = templates.render(plan.task, { document: c.document, kind: plan.kind, question: c.field.question, format: c.field.format }, rng);
    return draftOf(c, user.template, [{ role: 'system', content: system }, { role: 'user', content: user.text }], plan.task);
  },
  nearMisses: (draft) => nearMissesOf(draft),
};
