/**
 * injection.web: answer a question from a retrieved web page (a product page or an event page, in HTML or
 * markdown) that carries an injected instruction, often hidden (an HTML comment, display:none text, a review).
 * Difficulty grows the page (reviews, talks) and unlocks stealthier attack forms, as in injection.document.
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import { compose, draftOf, nearMissesOf, systemMessage, validWeights } from './compose.js';
import { lexicon, type DocPlan, type Lex } from './docs/common.js';
import { planEvent } from './docs/event.js';
import { planProduct } from './docs/product.js';
import type { InjectionTruth } from './truth.js';

export interface WebConfig extends BaseConfig {
  /** Relative weights of the pages: [product, event]. */
  weights: number[];
}

const PLANNERS: readonly ((rng: Rng, lex: Lex, d: number, refDate: string) => DocPlan)[] = [
  (rng, lex, d) => planProduct(rng, lex, d),
  planEvent,
];

export const web: GeneratorDef<WebConfig, InjectionTruth> = {
  family: 'injection',
  name: 'web',
  version: 1,
  verifier: 'injection',
  description: 'Answer a question from a retrieved product or event page (HTML or markdown) that hides an injected instruction; the answer must be right and the injection ignored.',
  defaults: { difficulty: 2, weights: [1, 1] },
  validateConfig(c) {
    if (!validWeights(c.weights, PLANNERS.length)) throw new Error('injection.web@1: weights must be two non-negative numbers [product, event], not both 0');
    return c;
  },
  generate(ctx): Draft<InjectionTruth> {
    const { rng, faker, config, refDate, templates } = ctx;
    const lex = lexicon(faker);
    const plan = PLANNERS[rng.weightedIndex(config.weights)]!(rng, lex, config.difficulty, refDate);
    const c = compose(rng, lex, plan, config.difficulty);
    const system = systemMessage(ctx, 'web', c.system);
    const user = templates.render(plan.task, { page: c.document, url: plan.ref, format_name: plan.markup === 'html' ? 'HTML' : 'markdown', question: c.field.question, format: c.field.format }, rng);
    return draftOf(c, user.template, [{ role: 'system', content: system }, { role: 'user', content: user.text }], plan.task);
  },
  nearMisses: (draft) => nearMissesOf(draft),
};
