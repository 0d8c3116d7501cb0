/**
 * The conversation a runtime question is asked in: a system prompt that may state the date, list tools and give
 * sampling settings (or leave any of them out), and prior user and assistant turns written with faker. Everything a
 * runtime answer depends on is recorded here as it is written, so the answer is computed from the context itself.
 */
import type { Faker } from '@faker-js/faker';
import type { Message } from '../../core/item.js';
import type { Rng } from '../../core/rng.js';
import { TOOLS, assistantReply, chatLine, companyName, shiftDate, statedDate, userRequest, type DayDate, type ToolDef } from './runtime-data.js';

export interface Scene {
  /** Prior messages (system first when there is one); the question is appended after them. */
  messages: Message[];
  system: string | null;
  date: DayDate | null;
  tools: ToolDef[] | null;
  temperature: number | null;
  maxTokens: number | null;
  /** Group chat only: who wrote each quoted line, and every participant. */
  lines: { speaker: string; text: string }[];
  speakers: string[];
}

const PERSONAS = [
  (f: Faker, r: Rng) => `You are a support assistant for ${companyName(r)}.`,
  (f: Faker, r: Rng) => `You are an assistant that helps the ${f.commerce.department().toLowerCase()} team at ${companyName(r)}.`,
  () => 'You are a helpful assistant.',
  (f: Faker) => `You help ${f.person.firstName()} plan work and answer questions.`,
];

const RULES = [
  'Keep answers short.',
  'Answer in plain English.',
  'Use bullet points for lists.',
  'Ask for clarification when a request is unclear.',
  'Do not share internal order numbers.',
  'Cite the tool you used when you use one.',
];

const TEMPERATURES = [0, 0.2, 0.3, 0.5, 0.7, 0.8, 1, 1.2];
const MAX_TOKENS = [128, 256, 512, 800, 1024, 2048, 4096];
const TOP_P = [0.8, 0.9, 0.95];

function toolSection(tools: readonly ToolDef[], rng: Rng): string {
  switch (rng.int(0, 2)) {
    case 0:
      return `You can call these tools:\n${tools.map((t) => `- ${t.name}: ${t.description}`).join('\n')}`;
    case 1:
      return `Tools: ${JSON.stringify(tools.map((t) => ({ name: t.name, description: t.description })))}`;
    default:
      return `Available functions: ${tools.map((t) => t.name).join(', ')}.`;
  }
}

function settingsLine(temperature: number | null, maxTokens: number | null, topP: number | null, rng: Rng): string {
  const parts: string[] = [];
  const eq = rng.bool();
  if (temperature !== null) parts.push(eq ? `temperature=${temperature}` : `sampling temperature ${temperature}`);
  if (topP !== null) parts.push(eq ? `top_p=${topP}` : `top-p ${topP}`);
  if (maxTokens !== null) parts.push(eq ? `max_tokens=${maxTokens}` : `a limit of ${maxTokens} output tokens`);
  return eq ? `[generation settings: ${parts.join(', ')}]` : `Generation settings: ${parts.join('; ')}.`;
}

export interface SceneOptions {
  difficulty: number;
  refDate: string;
  /** Force a group chat (for the who-said task). */
  groupChat: boolean;
}

/** Distinct first names, drawn with a bounded number of retries (faker's list is large). */
function distinctNames(faker: Faker, n: number): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const name = faker.person.firstName();
    if (!out.includes(name) && /^[A-Za-z]+$/.test(name)) out.push(name);
  }
  return out;
}

export function buildScene(faker: Faker, rng: Rng, o: SceneOptions): Scene {
  const d = o.difficulty;
  const parts: string[] = [];
  let date: DayDate | null = null;
  let tools: ToolDef[] | null = null;
  let temperature: number | null = null;
  let maxTokens: number | null = null;
  let topP: number | null = null;
  const hasSystem = o.groupChat || rng.bool(0.85);
  if (hasSystem) {
    parts.push(rng.pick(PERSONAS)(faker, rng));
    if (o.groupChat) parts.push('You are reading a group chat. Each line starts with the name of the person who wrote it.');
    if (rng.bool(0.6)) {
      date = shiftDate(o.refDate, rng.int(-900, 900));
      parts.push(statedDate(date, d, rng));
    }
    if (rng.bool(0.55)) {
      tools = rng.sample(TOOLS, rng.int(1, Math.min(TOOLS.length, 1 + d)));
      parts.push(toolSection(tools, rng));
    }
    if (rng.bool(0.3)) temperature = rng.pick(TEMPERATURES);
    if (rng.bool(0.3)) maxTokens = rng.pick(MAX_TOKENS);
    if (d >= 3 && rng.bool(0.4)) topP = rng.pick(TOP_P);
    if (temperature !== null || maxTokens !== null || topP !== null) parts.push(settingsLine(temperature, maxTokens, topP, rng));
    for (let i = rng.int(0, Math.min(3, d)); i > 0; i--) parts.push(rng.pick(RULES));
  }
  const system = hasSystem ? rng.shuffle(parts.slice(1)).reduce((acc, p) => `${acc}\n${p}`, parts[0]!) : null;
  const messages: Message[] = system === null ? [] : [{ role: 'system', content: system }];
  const lines: Scene['lines'] = [];
  let speakers: string[] = [];
  if (o.groupChat) {
    speakers = distinctNames(faker, Math.min(2 + Math.ceil(d / 2), 5));
    const rounds = 1 + Math.floor(d / 2);
    for (let r = 0; r < rounds; r++) {
      const block: string[] = [];
      for (let k = rng.int(2, 3 + Math.floor(d / 2)); k > 0; k--) {
        const speaker = rng.pick(speakers);
        const text = chatLine(faker, rng);
        if (lines.some((l) => l.text === text)) continue;
        lines.push({ speaker, text });
        block.push(`${speaker}: ${text}`);
      }
      messages.push({ role: 'user', content: block.join('\n') });
      if (r < rounds - 1) messages.push({ role: 'assistant', content: 'Noted.' });
    }
  } else {
    for (let k = rng.int(1, 1 + d); k > 0; k--) {
      messages.push({ role: 'user', content: userRequest(faker, rng) });
      messages.push({ role: 'assistant', content: assistantReply(faker, rng) });
    }
  }
  return { messages, system, date, tools, temperature, maxTokens, lines, speakers };
}
