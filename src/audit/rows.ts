/**
 * One stored line seen the same way whatever its shape: a verigen item, or a row of an export preset
 * (src/shards/presets.ts), which renames and re-encodes the item's fields. Audit checks read this view.
 */
import { conversationText, INDEX_WIDTH, type Message } from '../core/item.js';
import { describeErrors, groundTruthValidator, validator } from '../core/schema.js';
import type { Preset } from '../shards/presets.js';

export interface Target {
  /** Where the text sits in the row: `answer`, `witness`, `messages[2]`, `response`. */
  field: string;
  text: string;
}

export interface RowView {
  /** The row's own id, when it carries one (every shape but the ifeval preset's). */
  id: string | null;
  index: number | null;
  verifier: string | null;
  /** undefined when the row has none that could be read (the schema check says why). */
  groundTruth: unknown;
  /** Texts a model is trained to produce: answer, witness, assistant turns, an ifeval row's response. */
  targets: Target[];
  /** The response that should pass the row's verifier: the stored witness, else the stored answer; null if none. */
  solution: string | null;
  /** What duplicate counting compares: conversationText of the messages, or an ifeval row's prompt. */
  prompt: string | null;
  /** Why the row does not have the shape it should, or null. */
  shapeProblem: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function isMessages(v: unknown): v is Message[] {
  return Array.isArray(v) && v.length > 0 && v.every((m) => isObject(m) && typeof m.role === 'string' && typeof m.content === 'string');
}

/** The index an item id ends with (`.../0000001234` → 1234), or null. */
export function indexOfId(id: string): number | null {
  const slash = id.lastIndexOf('/');
  const tail = id.slice(slash + 1);
  if (tail.length !== INDEX_WIDTH || !/^[0-9]+$/.test(tail)) return null;
  return Number(tail);
}

function assistantTargets(messages: Message[]): Target[] {
  const out: Target[] = [];
  messages.forEach((m, i) => {
    if (m.role === 'assistant') out.push({ field: `messages[${i}]`, text: m.content });
  });
  return out;
}

function parseTruthString(raw: unknown, field: string): { value: unknown; problem: string | null } {
  if (typeof raw !== 'string') return { value: undefined, problem: `${field}: expected a JSON string` };
  try {
    return { value: JSON.parse(raw), problem: null };
  } catch {
    return { value: undefined, problem: `${field}: not valid JSON` };
  }
}

function truthProblem(verifier: string | null, gt: unknown, field: string): string | null {
  if (verifier === null) return 'verifier: missing';
  const v = groundTruthValidator(verifier);
  if (!v) return `verifier: unknown verifier '${verifier}'`;
  return v(gt) ? null : `${field}: ${describeErrors(v.errors)}`;
}

function viewItem(row: Record<string, unknown>): RowView {
  const validate = validator('item');
  const ok = validate(row);
  const messages = isMessages(row.messages) ? row.messages : null;
  const targets: Target[] = [];
  if (typeof row.answer === 'string') targets.push({ field: 'answer', text: row.answer });
  if (typeof row.witness === 'string') targets.push({ field: 'witness', text: row.witness });
  if (messages) targets.push(...assistantTargets(messages));
  const solution = typeof row.witness === 'string' ? row.witness : typeof row.answer === 'string' ? row.answer : null;
  return {
    id: typeof row.id === 'string' ? row.id : null,
    index: typeof row.index === 'number' && Number.isSafeInteger(row.index) ? row.index : null,
    verifier: typeof row.verifier === 'string' ? row.verifier : null,
    groundTruth: row.ground_truth,
    targets,
    solution,
    prompt: messages ? conversationText({ messages }) : null,
    shapeProblem: ok ? null : describeErrors(validate.errors),
  };
}

function viewPreset(preset: Preset, row: Record<string, unknown>): RowView {
  const view: RowView = { id: null, index: null, verifier: null, groundTruth: undefined, targets: [], solution: null, prompt: null, shapeProblem: null };
  const problems: string[] = [];
  const takeMessages = (field: string) => {
    const m = row[field];
    if (!isMessages(m)) {
      problems.push(`${field}: expected a non-empty array of {role, content}`);
      return;
    }
    view.prompt = conversationText({ messages: m });
    view.targets.push(...assistantTargets(m).map((t) => ({ ...t, field: t.field.replace('messages', field) })));
  };
  const takeId = (v: unknown, field: string) => {
    if (typeof v !== 'string') return problems.push(`${field}: expected the item id`);
    view.id = v;
    view.index = indexOfId(v);
    if (view.index === null) problems.push(`${field}: '${v}' does not end in a ${INDEX_WIDTH}-digit index`);
  };
  if (preset === 'open-instruct' || preset === 'trl') {
    takeId(row.id, 'id');
    takeMessages(preset === 'trl' ? 'prompt' : 'messages');
    const vfield = preset === 'trl' ? 'verifier' : 'dataset';
    view.verifier = typeof row[vfield] === 'string' ? (row[vfield] as string) : null;
    const gt = parseTruthString(row.ground_truth, 'ground_truth');
    if (gt.problem) problems.push(gt.problem);
    else view.groundTruth = gt.value;
    if (!gt.problem) {
      const p = truthProblem(view.verifier, view.groundTruth, 'ground_truth');
      if (p) problems.push(p);
    }
  } else if (preset === 'verl') {
    takeMessages('prompt');
    const extra = isObject(row.extra_info) ? row.extra_info : {};
    takeId(extra.id, 'extra_info.id');
    if (extra.index !== view.index) problems.push(`extra_info.index: ${JSON.stringify(extra.index)} differs from the id's index ${view.index}`);
    const rm = isObject(row.reward_model) ? row.reward_model : {};
    const gt = parseTruthString(rm.ground_truth, 'reward_model.ground_truth');
    if (gt.problem) problems.push(gt.problem);
    else if (!isObject(gt.value)) problems.push('reward_model.ground_truth: expected {verifier, ground_truth}');
    else {
      view.verifier = typeof gt.value.verifier === 'string' ? gt.value.verifier : null;
      view.groundTruth = gt.value.ground_truth;
      const p = truthProblem(view.verifier, view.groundTruth, 'reward_model.ground_truth.ground_truth');
      if (p) problems.push(p);
    }
  } else {
    // ifeval: {key, prompt, instruction_id_list, kwargs[, response]}; the key is the item's index.
    if (typeof row.key === 'number' && Number.isSafeInteger(row.key) && row.key >= 0) view.index = row.key;
    else problems.push('key: expected the item index');
    if (typeof row.prompt === 'string') view.prompt = row.prompt;
    else problems.push('prompt: expected a string');
    view.verifier = 'ifeval';
    view.groundTruth = { instruction_id_list: row.instruction_id_list, kwargs: row.kwargs };
    const p = truthProblem('ifeval', view.groundTruth, 'instruction_id_list/kwargs');
    if (p) problems.push(p);
    if (row.response !== undefined) {
      if (typeof row.response === 'string') {
        view.targets.push({ field: 'response', text: row.response });
        view.solution = row.response;
      } else problems.push('response: expected a string');
    }
  }
  view.shapeProblem = problems.length > 0 ? problems[0]! : null;
  return view;
}

/** The view of one parsed row: an item when `preset` is null, else a row of that preset. */
export function viewRow(row: Record<string, unknown>, preset: Preset | null): RowView {
  return preset === null ? viewItem(row) : viewPreset(preset, row);
}
