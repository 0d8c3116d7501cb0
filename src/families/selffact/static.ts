/**
 * selffact.static: questions about the model's own published facts (architecture, identity, tokenizer, training,
 * deployment), answered from the run's profile and nothing else. A fact the profile lacks is never asked.
 *
 * Forms: free-form (a short sentence), threshold ("Do you have more than 10 billion parameters?"), multiple choice,
 * and from difficulty 4 unit conversions ("in millions"). Difficulty also brings in the more obscure facts (KV
 * heads, RoPE base), closer distractors and thresholds, and from 5 facts derived from two others (query heads per
 * KV head). Targets are one sentence with the value in a slot.
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import type { Profile } from '../../profiles/types.js';
import { LETTERS, grouped, profileNames, profileOf, scaled, trimFixed } from './common.js';
import { monthName, nearMissesFor, rememberMisses } from './near-misses.js';
import { tokens } from './scan.js';
import { FACTS, type CountSpec, type FactSpec, type TextSpec } from './static-facts.js';
import type { SelffactTruth } from './truth.js';

export type StaticConfig = BaseConfig;

const SYSTEM_PROMPTS = [
  'You are a helpful assistant.',
  'Answer questions about yourself accurately and briefly.',
  'You are an assistant. Keep answers short and factual.',
];

/** The facts a profile has, per difficulty; cached per profile object (the profile is shared by every item). */
const available = new WeakMap<Profile, FactSpec[][]>();

function factsFor(p: Profile, difficulty: number): FactSpec[] {
  let perDifficulty = available.get(p);
  if (!perDifficulty) {
    perDifficulty = [];
    for (let d = 0; d <= 5; d++) {
      perDifficulty.push(
        FACTS.filter((f) => {
          if (f.minDifficulty > d) return false;
          const v = f.get(p);
          return v !== undefined && (f.kind !== 'count' || (typeof v === 'number' && Number.isFinite(v) && v > 0));
        }),
      );
    }
    available.set(p, perDifficulty);
  }
  return perDifficulty[difficulty]!;
}

function say(template: string, v: string): string {
  return template.replace('{v}', v);
}

/** How a count is written in a target or an option: "8.03 billion" for big scales, "131,072", "4096". */
function countText(spec: CountSpec, v: number): string {
  if (spec.scale) return scaled(v);
  if (!Number.isInteger(v)) return trimFixed(v, 3);
  return v >= 10000 ? grouped(v) : String(v);
}

function roundTo(x: number, step: number): number {
  return Math.max(step, Math.round(x / step) * step);
}

const BIG_STEPS: Readonly<Record<'params' | 'tokens', readonly number[]>> = {
  params: [0.5e9, 1e9, 2e9, 3e9, 5e9, 7e9, 10e9, 13e9, 20e9, 30e9, 70e9, 100e9, 200e9, 400e9],
  tokens: [1e12, 2e12, 4e12, 8e12, 10e12, 15e12, 20e12, 30e12, 50e12],
};

/** Values that are clearly not the answer: outside the tolerance with a margin, positive, distinct. */
function wrongValues(spec: CountSpec, v: number, difficulty: number, rng: Rng): number[] {
  const margin = Math.max((spec.rel ?? 0) * 1.5 * v, 0);
  let cands: number[];
  if (spec.scale) {
    cands = BIG_STEPS[spec.scale].filter((x) => Math.abs(x - v) > Math.max(margin, 0.15 * v));
    if (difficulty <= 3) {
      const far = cands.filter((x) => x >= 1.5 * v || x <= v / 1.5);
      if (far.length >= 3) cands = far;
    }
  } else {
    const step = spec.step ?? 1;
    const factors = difficulty <= 3 ? [0.25, 0.5, 2, 3, 4] : [0.5, 0.75, 0.875, 1.125, 1.25, 1.5, 2];
    const set = new Set<number>();
    for (const f of factors) {
      const x = roundTo(v * f, v < 16 && step === 1 ? 1 : step);
      if (x !== v && Math.abs(x - v) > margin) set.add(x);
    }
    // Small values (2 KV heads) leave few distinct multiples: fill with neighbours one step apart.
    for (let k = 1; set.size < 4; k++) {
      const up = v + k * step;
      const down = v - k * step;
      if (up - v > margin) set.add(up);
      if (down > 0 && v - down > margin) set.add(down);
    }
    cands = [...set].filter((x) => x !== v && x > 0);
  }
  return rng.shuffle(cands);
}

function nameRejects(pool: readonly string[], accept: readonly string[]): string[] {
  const acc = accept.map((a) => ` ${tokens(a).join(' ')} `);
  return pool.filter((r) => {
    const rt = ` ${tokens(r).join(' ')} `;
    return !acc.some((a) => a.includes(rt) || rt.includes(a));
  });
}

function textAccept(spec: TextSpec, p: Profile, value: string): string[] {
  const out = [value, ...(spec.synonyms?.[tokens(value).join(' ')] ?? []), ...(spec.alsoAccept?.(p) ?? [])];
  return out.filter((s, i) => out.indexOf(s) === i);
}

function dateWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return String(y);
  return d === undefined ? `${monthName(m)} ${y}` : `${monthName(m)} ${d}, ${y}`;
}

interface Built {
  task: 'free' | 'yesno' | 'choice';
  data: Record<string, unknown>;
  truth: SelffactTruth;
  answer: string;
  form: string;
  misses: string[];
}

function buildCount(spec: CountSpec, p: Profile, v: number, d: number, rng: Rng): Built {
  const question = rng.pick(spec.questions);
  const ignore = profileNames(p);
  const truthOf = (value: number, fact = spec.id): SelffactTruth => {
    const t: SelffactTruth = { kind: 'number', value, fact, ignore };
    if (spec.rel) t.rel_tolerance = spec.rel;
    return t;
  };
  const forms = ['free'];
  if (d >= 2) forms.push('threshold', 'choice');
  // "In millions" only where whole units are within the 1% tolerance (50 units or more): a 0.4M model would say 0.
  if (d >= 4 && spec.inUnits && v >= 50 * spec.inUnits.divisor) forms.push('units');
  const form = rng.pick(forms);
  if (form === 'threshold') {
    const n = wrongValues(spec, v, d, rng)[0]!;
    const more = rng.bool();
    const yes = more ? v > n : v < n;
    const q = (more ? spec.more : spec.fewer).replace('{n}', countText(spec, n));
    const answer = `${yes ? 'Yes' : 'No'}. ${say(spec.say, countText(spec, v))}`;
    return { task: 'yesno', data: { question: q }, truth: { kind: 'boolean', value: yes, fact: spec.id }, answer, form, misses: [yes ? 'No.' : 'Yes.'] };
  }
  if (form === 'choice') {
    const wrong = wrongValues(spec, v, d, rng).slice(0, 3);
    const values = rng.shuffle([v, ...wrong]);
    const options: Record<string, string> = {};
    values.forEach((x, i) => (options[LETTERS[i]!] = countText(spec, x)));
    const correct = LETTERS[values.indexOf(v)]!;
    const lines = values.map((x, i) => `${LETTERS[i]}) ${countText(spec, x)}`);
    const misses = Object.keys(options).filter((l) => l !== correct).map((l) => `${l}) ${options[l]}`);
    return { task: 'choice', data: { question, options: lines }, truth: { kind: 'choice', correct, options, fact: spec.id }, answer: `${correct}) ${options[correct]}`, form, misses };
  }
  if (form === 'units') {
    const u = spec.inUnits!;
    const value = v / u.divisor;
    const t: SelffactTruth = { kind: 'number', value, fact: spec.id, ignore, rel_tolerance: spec.rel ?? 0.01, unit_scale: u.divisor };
    return { task: 'free', data: { question: u.question }, truth: t, answer: say(u.say, grouped(Math.round(value))), form, misses: [grouped(Math.round(value * 1000))] };
  }
  return { task: 'free', data: { question }, truth: truthOf(v), answer: say(spec.say, countText(spec, v)), form, misses: [] };
}

/**
 * The accepted and rejected names of a text fact, which depend on the profile and the fact alone: computed once per
 * profile object (tokenizing the whole pool per item was a large part of an item's cost). Copied out, so an item's
 * truth never shares an array with another item's.
 */
const namesCache = new WeakMap<Profile, Map<TextSpec, { value: string; accept: readonly string[]; reject: readonly string[] }>>();

function acceptReject(spec: TextSpec, p: Profile, value: string): { accept: string[]; reject: string[] } {
  let perProfile = namesCache.get(p);
  if (!perProfile) {
    perProfile = new Map();
    namesCache.set(p, perProfile);
  }
  let hit = perProfile.get(spec);
  if (!hit || hit.value !== value) {
    const accept = textAccept(spec, p, value);
    hit = { value, accept, reject: nameRejects(spec.pool, accept) };
    perProfile.set(spec, hit);
  }
  return { accept: hit.accept.slice(), reject: hit.reject.slice() };
}

function buildText(spec: TextSpec, p: Profile, value: string, d: number, rng: Rng): Built {
  const question = rng.pick(spec.questions);
  const { accept, reject } = acceptReject(spec, p, value);
  const sentence = say(spec.say, value);
  if (d >= 2 && reject.length >= 3 && rng.bool(0.4)) {
    const values = rng.shuffle([value, ...rng.sample(reject, 3)]);
    const options: Record<string, string> = {};
    values.forEach((x, i) => (options[LETTERS[i]!] = x));
    const correct = LETTERS[values.indexOf(value)]!;
    const misses = Object.keys(options).filter((l) => l !== correct);
    return {
      task: 'choice', data: { question, options: values.map((x, i) => `${LETTERS[i]}) ${x}`) },
      truth: { kind: 'choice', correct, options, fact: spec.id }, answer: `${correct}) ${value}`, form: 'choice', misses,
    };
  }
  const misses = reject.slice(0, 2).map((r) => say(spec.say, r));
  return { task: 'free', data: { question }, truth: { kind: 'text', accept, reject, fact: spec.id }, answer: sentence, form: 'free', misses };
}

function build(spec: FactSpec, p: Profile, d: number, rng: Rng): Built {
  switch (spec.kind) {
    case 'count':
      return buildCount(spec, p, spec.get(p)!, d, rng);
    case 'text':
      return buildText(spec, p, spec.get(p)!, d, rng);
    case 'bool': {
      const v = spec.get(p)!;
      return { task: 'yesno', data: { question: rng.pick(spec.questions) }, truth: { kind: 'boolean', value: v, fact: spec.id }, answer: v ? spec.yes : spec.no, form: 'yesno', misses: [v ? 'No.' : 'Yes.'] };
    }
    case 'date': {
      const iso = spec.get(p)!;
      const question = rng.pick(spec.questions);
      if (iso.length === 4) {
        const year = Number(iso);
        const t: SelffactTruth = { kind: 'number', value: year, fact: spec.id, ignore: profileNames(p) };
        return { task: 'free', data: { question }, truth: t, answer: say(spec.say, spec.preposition ? `in ${iso}` : iso), form: 'free', misses: [String(year - 1)] };
      }
      const words = dateWords(iso);
      const v = spec.preposition ? `${iso.length === 10 ? 'on' : 'in'} ${words}` : words;
      return { task: 'free', data: { question }, truth: { kind: 'date', value: iso, fact: spec.id }, answer: say(spec.say, v), form: 'free', misses: [] };
    }
    case 'list': {
      const items = spec.get(p)!;
      const reject = spec.pool.filter((t) => !items.includes(t));
      const answer = items.length === 0 ? spec.none : say(spec.say, items.join(', '));
      return { task: 'free', data: { question: rng.pick(spec.questions) }, truth: { kind: 'list', items, reject, fact: spec.id }, answer, form: 'free', misses: [] };
    }
  }
}

export const selffactStatic: GeneratorDef<StaticConfig, SelffactTruth> = {
  family: 'selffact',
  name: 'static',
  version: 1,
  verifier: 'selffact',
  profile: 'required',
  description: "Questions about the model's own published facts (size, layers, heads, developer, license, cutoff, deployment), answered from the run's profile only.",
  defaults: { difficulty: 2 },
  generate(ctx): Draft<SelffactTruth> {
    const { rng, config, templates } = ctx;
    const profile = profileOf(ctx);
    if (profile === null) throw new Error('selffact.static@1 needs a profile: run with --profile NAME or FILE');
    const facts = factsFor(profile, config.difficulty);
    if (facts.length === 0) throw new Error(`profile ${profile.name} lacks every fact selffact.static@1 asks about at difficulty ${config.difficulty}`);
    const spec = rng.pick(facts);
    const b = build(spec, profile, config.difficulty, rng);
    const r = templates.render(b.task, b.data, rng);
    const messages: Draft<SelffactTruth>['messages'] = [];
    if (rng.bool(0.5)) messages.push({ role: 'system', content: rng.pick(SYSTEM_PROMPTS) });
    messages.push({ role: 'user', content: r.text });
    const draft: Draft<SelffactTruth> = {
      template: r.template,
      messages,
      ground_truth: b.truth,
      answer: b.answer,
      tags: ['static', spec.id, b.form],
    };
    return rememberMisses(draft, b.misses);
  },
  nearMisses(draft, rng) {
    return nearMissesFor(draft, rng);
  },
};
