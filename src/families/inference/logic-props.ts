/**
 * Propositional inference for inference.logic: conditionals, a disjunction and facts about everyday statements, and
 * the question "is it true that Q?" with three declared answers: yes, no, cannot be determined.
 *
 * The argument is built from a chain of conditionals L0 -> L1 -> ... -> Lk in one of five forms (modus ponens, modus
 * tollens, disjunctive syllogism, and the invalid affirming-the-consequent and denying-the-antecedent), with distractor
 * conditionals from difficulty 3. The answer is not taken from the form: it is computed by checking the query in
 * every truth assignment that satisfies the premises (yes: true in all, no: false in all, else undetermined).
 */
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { distinctNames, type Lexicon } from './data/lexicon.js';
import { ATOMS } from './data/logic-data.js';

export interface Literal {
  atom: number;
  neg: boolean;
}

/** A disjunction of one or two literals: a fact, a conditional (not A or B) or an "either ... or". */
export type Clause = readonly Literal[];

export type PropForm = 'mp' | 'mt' | 'ac' | 'da' | 'ds';
export type PropAnswer = 'yes' | 'no' | 'cannot be determined';

export interface PropsPlan {
  form: PropForm;
  /** [positive, negative] wording of each atom, names filled in. */
  atoms: [string, string][];
  clauses: Clause[];
  query: Literal;
  answer: PropAnswer;
  data: Record<string, unknown>;
  truth: AnswerTruth;
  misses: string[];
}

export const UNDETERMINED = 'cannot be determined';
const UNDETERMINED_ALIASES = ['it cannot be determined', "can't be determined", 'cannot be determined from the statements', 'undetermined', 'unknown'];

/** Columns of the truth table for atoms 0..4 within one 32-assignment word (assignment index bit i = atom i). */
const PATTERNS = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];
export const MAX_ATOMS = 10;

function column(atom: number, word: number): number {
  if (atom < 5) return PATTERNS[atom]!;
  return (word >> (atom - 5)) & 1 ? 0xffffffff : 0;
}

/**
 * Whether the clauses entail the query, its negation, or neither, over all 2^atoms assignments at once (32 per
 * machine word). Returns null when the clauses have no model.
 */
export function entails(atoms: number, clauses: readonly Clause[], query: Literal): PropAnswer | null {
  const words = atoms <= 5 ? 1 : 1 << (atoms - 5);
  let anyModel = false;
  let allTrue = true;
  let allFalse = true;
  for (let w = 0; w < words; w++) {
    let models = 0xffffffff;
    for (const clause of clauses) {
      let c = 0;
      for (const lit of clause) c |= lit.neg ? ~column(lit.atom, w) : column(lit.atom, w);
      models &= c;
    }
    if (models === 0) continue;
    anyModel = true;
    const q = query.neg ? ~column(query.atom, w) : column(query.atom, w);
    if ((models & ~q) !== 0) allTrue = false;
    if ((models & q) !== 0) allFalse = false;
  }
  if (!anyModel) return null;
  return allTrue ? 'yes' : allFalse ? 'no' : UNDETERMINED;
}

const FORMS_BY_DIFFICULTY: readonly (readonly PropForm[])[] = [['mp', 'mt'], ['mp', 'mt', 'ac', 'da', 'ds'], ['mp', 'mt', 'ac', 'da', 'ds']];
const CHAIN: readonly [number, number][] = [[1, 1], [1, 1], [2, 2], [2, 3], [3, 4]];

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

export function planProps(rng: Rng, lex: Lexicon, difficulty: number): PropsPlan {
  const d = difficulty;
  const form = rng.pick(FORMS_BY_DIFFICULTY[Math.min(d, 3) - 1]!);
  const k = rng.int(...CHAIN[d - 1]!);
  const distractors = d >= 3 ? d - 2 : 0;
  const atomCount = Math.min(MAX_ATOMS, k + 1 + (form === 'ds' ? 1 : 0) + distractors + 1);
  const people = distinctNames(rng, lex, 3);
  const atoms = rng.sample(ATOMS, atomCount).map(([pos, neg]) => {
    const p = rng.pick(people);
    return [pos.replace('{p}', p), neg.replace('{p}', p)] as [string, string];
  });
  const lit = (atom: number, neg = false): Literal => ({ atom, neg });
  const not = (l: Literal): Literal => ({ atom: l.atom, neg: !l.neg });
  // Chain literals on atoms 0..k; negative literals from difficulty 3 on.
  const chain = Array.from({ length: k + 1 }, (_, i) => lit(i, d >= 3 && rng.bool(0.3)));
  const clauses: Clause[] = [];
  const kinds: ('if' | 'either' | 'fact')[] = [];
  for (let i = 0; i < k; i++) {
    clauses.push([not(chain[i]!), chain[i + 1]!]);
    kinds.push('if');
  }
  let next = k + 1;
  const first = chain[0]!;
  const last = chain[k]!;
  let fact: Literal;
  let query: Literal;
  if (form === 'ds') {
    const other = lit(next++);
    clauses.push([other, first]);
    kinds.push('either');
    fact = not(other);
    query = rng.bool(0.5) ? last : not(last);
  } else if (form === 'mp' || form === 'da') {
    fact = form === 'mp' ? first : not(first);
    query = rng.bool(0.5) ? last : not(last);
  } else {
    fact = form === 'mt' ? not(last) : last;
    query = rng.bool(0.5) ? first : not(first);
  }
  clauses.push([fact]);
  kinds.push('fact');
  // Distractor conditionals: from a fresh atom into the chain, or between fresh atoms.
  for (let i = 0; i < distractors && next < atomCount; i++) {
    const from = lit(next++, rng.bool(0.3));
    const to = rng.bool(0.5) || next >= atomCount ? rng.pick(chain) : lit(next++);
    clauses.push([not(from), to]);
    kinds.push('if');
  }
  const answer = entails(atomCount, clauses, query);
  if (answer === null) throw new Error('inference.logic@1: built an inconsistent argument');

  const say = (l: Literal) => atoms[l.atom]![l.neg ? 1 : 0];
  const statements = clauses.map((c, i) => {
    if (kinds[i] === 'fact') return `${capitalize(say(c[0]!))}.`;
    if (kinds[i] === 'either') return `Either ${say(c[0]!)} or ${say(c[1]!)}, or both.`;
    const [a, b] = [say(not(c[0]!)), say(c[1]!)];
    switch (rng.int(0, 2)) {
      case 0:
        return `If ${a}, then ${b}.`;
      case 1:
        return `If ${a}, ${b}.`;
      default:
        return `${capitalize(b)} if ${a}.`;
    }
  });
  const shown = d >= 2 ? rng.shuffle(statements) : statements;
  const truth: AnswerTruth = answer === UNDETERMINED ? { answer, type: 'string', aliases: UNDETERMINED_ALIASES } : { answer, type: 'boolean' };
  const misses = answer === UNDETERMINED ? ['yes', 'no', 'probably yes'] : [answer === 'yes' ? 'no' : 'yes', UNDETERMINED, `${answer} or ${UNDETERMINED}`];
  return {
    form,
    atoms,
    clauses,
    query,
    answer,
    data: { name: rng.pick(lex.names), statements: shown, prose: shown.join(' '), question: `Is it true that ${say(query)}?`, claim: say(query), claimSentence: `${capitalize(say(query))}.` },
    truth,
    misses,
  };
}
