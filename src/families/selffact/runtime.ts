/**
 * selffact.runtime: questions about the situation the model is in, answered from the item's own context: the date
 * the system prompt gives, how many messages and replies there have been, who wrote a quoted line, the nth word of
 * a message, word, character and token counts of an earlier message, which tools are listed, and the sampling
 * settings the context states. When the context does not state the date or a setting, the only correct answer is
 * that it does not ("The context does not state the temperature."), and a guessed value fails.
 *
 * Token questions need the profile's tokenizer; without one they are not asked. Difficulty lengthens the
 * conversation, adds tools, participants and distractor settings, reaches further into a message for the nth word,
 * and tightens the token-count tolerance.
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Message } from '../../core/item.js';
import { ordinal } from '../../core/render.js';
import type { Rng } from '../../core/rng.js';
import { tokenCounterFor, type TokenCounter } from '../../profiles/tokenizer.js';
import { profileNames, profileOf } from './common.js';
import { nearMissesFor, rememberMisses } from './near-misses.js';
import { TOOL_NAMES, WEEKDAYS, longDate } from './runtime-data.js';
import { buildScene, type Scene } from './runtime-scene.js';
import type { SelffactTruth } from './truth.js';

export type RuntimeConfig = BaseConfig;

type Task = 'date' | 'weekday' | 'count' | 'quote' | 'nth-word' | 'length' | 'tokens' | 'tools' | 'setting';

interface Posed {
  task: string;
  data: Record<string, unknown>;
  truth: SelffactTruth;
  answer: string;
  misses: string[];
}

/** A message the question can point at, with the words the prompt uses for it ("my first message"). */
interface Ref {
  phrase: string;
  /** How the target refers to it ("Your first message", "My previous reply"). */
  subject: string;
  text: string;
}

const ALPHA_WORD = /^[A-Za-z]+$/;
const EDGE_PUNCT = /^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g;

function refs(scene: Scene): Ref[] {
  const out: Ref[] = [];
  if (scene.system !== null) out.push({ phrase: 'the system prompt', subject: 'The system prompt', text: scene.system });
  const users = scene.messages.filter((m) => m.role === 'user');
  const replies = scene.messages.filter((m) => m.role === 'assistant');
  const ord = ['first', 'second', 'third'];
  users.slice(0, 3).forEach((m, i) => out.push({ phrase: `my ${ord[i]} message`, subject: `Your ${ord[i]} message`, text: m.content }));
  if (users.length > 1) out.push({ phrase: 'my previous message', subject: 'Your previous message', text: users[users.length - 1]!.content });
  if (replies.length > 0) {
    out.push({ phrase: 'your first reply', subject: 'My first reply', text: replies[0]!.content });
    out.push({ phrase: 'your most recent reply', subject: 'My most recent reply', text: replies[replies.length - 1]!.content });
  }
  return out;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function poseDate(scene: Scene): Posed {
  if (scene.date === null) {
    return { task: 'date', data: {}, truth: { kind: 'undetermined', setting: 'date', fact: 'runtime.date' }, answer: "The context does not state today's date.", misses: [] };
  }
  return { task: 'date', data: {}, truth: { kind: 'date', value: scene.date.iso, fact: 'runtime.date' }, answer: `Today's date is ${longDate(scene.date)}.`, misses: [] };
}

function poseWeekday(scene: Scene): Posed {
  const wd = scene.date!.weekday;
  const reject = WEEKDAYS.filter((w) => w !== wd);
  return { task: 'weekday', data: {}, truth: { kind: 'text', accept: [wd], reject, fact: 'runtime.weekday' }, answer: `Today is ${wd}.`, misses: [`Today is ${reject[0]}.`] };
}

function poseCount(scene: Scene, rng: Rng): Posed {
  const users = scene.messages.filter((m) => m.role === 'user').length + 1;
  const replies = scene.messages.filter((m) => m.role === 'assistant').length;
  const total = scene.messages.length + 1;
  const which = rng.int(0, 2);
  const n = which === 0 ? users : which === 1 ? replies : total;
  const answer = which === 0 ? `You have sent ${n} messages, including this one.` : which === 1 ? `I have replied ${n} times so far.` : `The conversation has ${n} messages so far, including this one.`;
  const truth: SelffactTruth = { kind: 'number', value: n, fact: ['runtime.user_messages', 'runtime.assistant_replies', 'runtime.total_messages'][which]! };
  return { task: ['count-user', 'count-replies', 'count-total'][which]!, data: {}, truth, answer, misses: [String(n + 1), String(n - 1)] };
}

function poseQuote(scene: Scene, rng: Rng): Posed {
  const line = rng.pick(scene.lines);
  const reject = scene.speakers.filter((s) => s !== line.speaker);
  return {
    task: 'quote', data: { line: line.text },
    truth: { kind: 'text', accept: [line.speaker], reject, fact: 'runtime.speaker' },
    answer: `${line.speaker} wrote that line.`, misses: reject.map((r) => `${r} wrote that line.`),
  };
}

function poseNthWord(scene: Scene, d: number, rng: Rng): Posed | null {
  for (const ref of rng.shuffle(refs(scene))) {
    const ws = words(ref.text).map((w) => w.replace(EDGE_PUNCT, ''));
    const limit = Math.min(ws.length, 4 + 4 * d);
    const ok: number[] = [];
    for (let i = 0; i < limit; i++) {
      const w = ws[i]!;
      if (w.length < 2 || !ALPHA_WORD.test(w)) continue;
      const lw = w.toLowerCase();
      if (ws[i - 1]?.toLowerCase() === lw || ws[i + 1]?.toLowerCase() === lw) continue;
      // Only a word that occurs once in reach, so that "the 3rd word" and a neighbour can never be the same answer.
      if (ws.filter((x) => x.toLowerCase() === lw).length > 1) continue;
      ok.push(i);
    }
    if (ok.length === 0) continue;
    const i = rng.pick(ok);
    const word = ws[i]!;
    const misses = [ws[i - 1], ws[i + 1]].filter((w): w is string => w !== undefined && w !== '' && w.toLowerCase() !== word.toLowerCase());
    return {
      task: 'nth-word', data: { n: ordinal(i + 1), ref: ref.phrase },
      truth: { kind: 'word', value: word, fact: 'runtime.nth_word' },
      answer: `The ${ordinal(i + 1)} word of ${ref.phrase.replace(/^my /, 'your ').replace(/^your (first|most recent) reply/, 'my $1 reply')} is "${word}".`,
      misses,
    };
  }
  return null;
}

function poseLength(scene: Scene, rng: Rng): Posed {
  const ref = rng.pick(refs(scene));
  const byWords = rng.bool();
  const n = byWords ? words(ref.text).length : [...ref.text].length;
  const unit = byWords ? 'words' : 'characters';
  return {
    task: byWords ? 'words' : 'chars', data: { ref: ref.phrase },
    truth: { kind: 'number', value: n, fact: `runtime.${unit}` },
    answer: `${ref.subject} has ${n} ${unit}.`, misses: [String(n + 1), String(n - 1)],
  };
}

function poseTokens(scene: Scene, counter: TokenCounter, d: number, rng: Rng): Posed {
  // User and assistant turns only: the system prompt can be long, and a count is a full tokenizer pass.
  const ref = rng.pick(refs(scene).filter((r) => r.phrase !== 'the system prompt'));
  const n = counter.count(ref.text);
  const tolerance = d <= 3 ? Math.max(1, Math.round(0.1 * n)) : 0;
  const truth: SelffactTruth = { kind: 'number', value: n, fact: 'runtime.tokens' };
  if (tolerance > 0) truth.tolerance = tolerance;
  return { task: 'tokens', data: { ref: ref.phrase }, truth, answer: `${ref.subject} is ${n} tokens long.`, misses: [String(n + tolerance + 1), String(n * 2 + 3)] };
}

function poseTools(scene: Scene, rng: Rng): Posed {
  const listed = scene.tools?.map((t) => t.name) ?? [];
  const reject = TOOL_NAMES.filter((t) => !listed.includes(t));
  const form = listed.length === 0 ? rng.pick(['list', 'check']) : rng.pick(['list', 'check', 'count']);
  if (form === 'count') {
    return { task: 'tools-count', data: {}, truth: { kind: 'number', value: listed.length, fact: 'runtime.tool_count' }, answer: `${listed.length} tools are listed.`, misses: [String(listed.length + 1)] };
  }
  if (form === 'check') {
    const tool = listed.length > 0 && rng.bool() ? rng.pick(listed) : rng.pick(reject);
    const yes = listed.includes(tool);
    return {
      task: 'tool-check', data: { tool }, truth: { kind: 'boolean', value: yes, fact: 'runtime.tool_listed' },
      answer: yes ? `Yes. The ${tool} tool is listed.` : `No. The ${tool} tool is not listed.`, misses: [yes ? 'No.' : 'Yes.'],
    };
  }
  const answer = listed.length === 0 ? 'No tools are listed in this conversation.' : `The listed tools are ${listed.join(', ')}.`;
  return { task: 'tools-list', data: {}, truth: { kind: 'list', items: listed, reject, fact: 'runtime.tools' }, answer, misses: [] };
}

function poseSetting(scene: Scene, rng: Rng): Posed {
  const temp = rng.bool();
  const value = temp ? scene.temperature : scene.maxTokens;
  const setting = temp ? 'temperature' : 'maximum number of output tokens';
  const task = temp ? 'temperature' : 'max-tokens';
  if (value === null) {
    return { task, data: {}, truth: { kind: 'undetermined', setting, fact: `runtime.${task}` }, answer: `The context does not state the ${setting}.`, misses: [] };
  }
  const answer = temp ? `The sampling temperature is ${value}.` : `The limit is ${value} output tokens.`;
  const step = temp ? 0.1 : 1;
  return { task, data: {}, truth: { kind: 'number', value, fact: `runtime.${task}` }, answer, misses: [String(+(value + step).toFixed(1))] };
}

function pose(task: Task, scene: Scene, d: number, rng: Rng, counter: TokenCounter | null): Posed | null {
  switch (task) {
    case 'date':
      return poseDate(scene);
    case 'weekday':
      return scene.date === null ? null : poseWeekday(scene);
    case 'count':
      return poseCount(scene, rng);
    case 'quote':
      return scene.lines.length === 0 ? null : poseQuote(scene, rng);
    case 'nth-word':
      return poseNthWord(scene, d, rng);
    case 'length':
      return poseLength(scene, rng);
    case 'tokens':
      return counter === null ? null : poseTokens(scene, counter, d, rng);
    case 'tools':
      return poseTools(scene, rng);
    case 'setting':
      return poseSetting(scene, rng);
  }
}

const BASE_TASKS: readonly Task[] = ['date', 'count', 'quote', 'nth-word', 'length', 'tools', 'setting'];

export const selffactRuntime: GeneratorDef<RuntimeConfig, SelffactTruth> = {
  family: 'selffact',
  name: 'runtime',
  version: 1,
  verifier: 'selffact',
  profile: 'optional',
  description: "Questions about the conversation itself (date given, message counts, who said a line, nth word, lengths, token counts, tools, settings), answered from the item's own context.",
  defaults: { difficulty: 2 },
  generate(ctx): Draft<SelffactTruth> {
    const { rng, faker, config, templates, refDate } = ctx;
    const d = config.difficulty;
    const profile = profileOf(ctx);
    const counter = tokenCounterFor(profile);
    const tasks: Task[] = [...BASE_TASKS];
    if (d >= 3) tasks.push('weekday');
    if (counter !== null) tasks.push('tokens');
    let task = rng.pick(tasks);
    const scene = buildScene(faker, rng, { difficulty: d, refDate, groupChat: task === 'quote' });
    let posed = pose(task, scene, d, rng, counter);
    // A task the scene cannot carry (no date for the weekday, no usable word) falls back to one every scene carries.
    if (posed === null) {
      task = rng.pick(['count', 'length', 'tools'] as const);
      posed = pose(task, scene, d, rng, counter)!;
    }
    const r = templates.render(posed.task, posed.data, rng);
    const messages: Message[] = [...scene.messages, { role: 'user', content: r.text }];
    const truth = posed.truth;
    if (truth.kind === 'number') truth.ignore = profileNames(profile);
    const draft: Draft<SelffactTruth> = {
      template: r.template,
      messages,
      ground_truth: truth,
      answer: posed.answer,
      tags: ['runtime', truth.fact],
    };
    return rememberMisses(draft, posed.misses);
  },
  nearMisses(draft, rng) {
    return nearMissesFor(draft, rng);
  },
};
