/**
 * inference.logic: set and propositional logic with exact answers.
 * - venn: counting with two or three overlapping groups (how many do A but not B, neither, exactly one, all three);
 * - members: membership in set expressions over explicitly listed sets (list, count, or yes/no);
 * - implication: "if P then Q" arguments, valid and invalid, answered yes, no or "cannot be determined".
 * Difficulty: larger counts and three sets, quantities that must be derived first (the overlap from "neither", the
 * triple overlap from "none"), bigger sets, longer chains of conditionals, distractor conditionals.
 * The parts live in logic-venn.ts, logic-sets.ts and logic-props.ts.
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { AnswerTruth } from './answer-truth.js';
import { lexicon } from './data/lexicon.js';
import { planProps, UNDETERMINED } from './logic-props.js';
import { planSets } from './logic-sets.js';
import { planVenn, renderVenn } from './logic-venn.js';
import { booleanMisses, keepWrong, listMisses, numberMisses, recallMisses, rememberMisses } from './near-misses.js';

export interface LogicConfig extends BaseConfig {
  /** Relative weights of the three kinds of problem: [venn, members, implication]. */
  weights: number[];
}

const TASKS = ['venn', 'members', 'implication'] as const;

export const logic: GeneratorDef<LogicConfig, AnswerTruth> = {
  family: 'inference',
  name: 'logic',
  version: 1,
  verifier: 'answer',
  description: 'Set and propositional logic: Venn counting, membership in set expressions over listed sets, and if-then arguments answered yes, no or cannot be determined.',
  defaults: { difficulty: 2, weights: [1, 1, 1] },
  validateConfig(c) {
    const w = c.weights;
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) || !w.some((x) => x > 0)) {
      throw new Error('inference.logic@1: weights must be three non-negative numbers [venn, members, implication], not all 0');
    }
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const lex = lexicon(faker);
    const task = TASKS[rng.weightedIndex(config.weights)]!;
    let part: { data: Record<string, unknown>; truth: AnswerTruth; misses: string[] };
    let tag: string;
    if (task === 'venn') {
      const plan = planVenn(rng, config.difficulty);
      part = renderVenn(rng, lex, plan);
      tag = plan.question;
    } else if (task === 'members') {
      part = planSets(rng, faker, lex, config.difficulty);
      tag = (part as ReturnType<typeof planSets>).expr;
    } else {
      part = planProps(rng, lex, config.difficulty);
      tag = (part as ReturnType<typeof planProps>).form;
    }
    const r = templates.render(task, part.data, rng);
    const draft: Draft<AnswerTruth> = {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: part.truth,
      answer: part.truth.answer,
      tags: ['logic', task, tag],
    };
    return rememberMisses(draft, part.misses);
  },
  nearMisses(draft) {
    const t = draft.ground_truth;
    let generic: string[];
    if (t.type === 'number') generic = numberMisses(t.answer);
    else if (t.type === 'boolean') generic = booleanMisses(t.answer);
    else if (t.type === 'list') generic = listMisses(t.answer.split(', ')).slice(1, 3);
    else generic = t.answer === UNDETERMINED ? ['yes', 'no', 'yes or no'] : [];
    return keepWrong(t, [...recallMisses(draft), ...generic]);
  },
};
