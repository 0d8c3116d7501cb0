/**
 * Data and phrase builders for selffact.runtime: the prior turns of a conversation (user requests and plain,
 * task-like assistant replies with no subjective content), tool definitions, and the ways a system prompt states a
 * date or a setting. Data apart from logic, as faker keeps its locales apart from its code.
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../../core/rng.js';

export interface ToolDef {
  name: string;
  description: string;
}

export const TOOLS: readonly ToolDef[] = [
  { name: 'web_search', description: 'search the web and return the top results' },
  { name: 'calculator', description: 'evaluate an arithmetic expression' },
  { name: 'send_email', description: 'send an email to a given address' },
  { name: 'get_weather', description: 'return the forecast for a city' },
  { name: 'lookup_order', description: 'fetch an order by its number' },
  { name: 'create_event', description: 'add an event to the calendar' },
  { name: 'translate_text', description: 'translate text into another language' },
  { name: 'read_file', description: 'read a file from the workspace' },
  { name: 'run_sql', description: 'run a read-only SQL query' },
  { name: 'convert_currency', description: 'convert an amount between currencies' },
  { name: 'get_stock_price', description: 'return the latest price of a ticker' },
  { name: 'book_meeting_room', description: 'reserve a meeting room' },
];

export const TOOL_NAMES: readonly string[] = TOOLS.map((t) => t.name);

// faker's composite helpers (company.name, commerce.productName, location.city) expand string templates on every
// call, which costs more than the rest of an item; these build the same kind of text from faker's word lists.
const COMPANY_SUFFIXES = ['LLC', 'Inc.', 'and Sons', 'Group', 'Partners', 'Ltd', 'Co.'];
const CITIES = [
  'Lisbon', 'Osaka', 'Denver', 'Nairobi', 'Bergen', 'Porto', 'Austin', 'Leeds', 'Quebec City', 'Tampere', 'Cork', 'Brno',
  'Valencia', 'Dunedin', 'Kraków', 'Ghent', 'Halifax', 'Cusco', 'Tbilisi', 'Malmö', 'Perth', 'Lyon', 'Boise', 'Split',
];

const SURNAMES = [
  'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Novak', 'Haddad', 'Fischer', 'Ramos', 'Kowalski', 'Ibrahim', 'Larsen',
  'Costa', 'Brennan', 'Sato', 'Volkov', 'Mendes', 'Adeyemi', 'Keller', 'Quinn', 'Dubois', 'Nakamura', 'Petrov',
  'Alvarez', 'Byrne', 'Chen', 'Horvat', 'Osei', 'Vargas', 'Weber', 'Yilmaz',
];

export function companyName(rng: Rng): string {
  return rng.bool(0.5) ? `${rng.pick(SURNAMES)} ${rng.pick(COMPANY_SUFFIXES)}` : `${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)}`;
}

export function productName(faker: Faker): string {
  return `${faker.commerce.productAdjective()} ${faker.commerce.productMaterial()} ${faker.commerce.product()}`;
}

export function catchPhrase(faker: Faker): string {
  return `${faker.company.catchPhraseAdjective()} ${faker.company.catchPhraseDescriptor()} ${faker.company.catchPhraseNoun()}`;
}

export function city(rng: Rng): string {
  return rng.pick(CITIES);
}

/** A user request, built from slots so that 100k conversations rarely repeat. */
export function userRequest(faker: Faker, rng: Rng): string {
  switch (rng.int(0, 7)) {
    case 0:
      return `Can you draft a short note to ${faker.person.firstName()} about the ${productName(faker)} order?`;
    case 1:
      return `What is ${rng.int(12, 99)} times ${rng.int(3, 19)}?`;
    case 2:
      return `Please list three facts about ${city(rng)}.`;
    case 3:
      return `Summarize this in one line: ${catchPhrase(faker)}.`;
    case 4:
      return `How do I convert ${rng.int(2, 90)} kilometers to miles?`;
    case 5:
      return `Write a subject line for an email to ${companyName(rng)}.`;
    case 6:
      return `Suggest a name for a ${faker.commerce.productAdjective().toLowerCase()} ${faker.commerce.product().toLowerCase()}.`;
    default:
      return `Check the spelling of this sentence: ${faker.person.firstName()} will visit ${city(rng)} on ${faker.date.weekday()}.`;
  }
}

/** A plain assistant reply: a task result, with no feelings, preferences or claims about an inner life. */
export function assistantReply(faker: Faker, rng: Rng): string {
  switch (rng.int(0, 6)) {
    case 0:
      return `Here is a draft: "Hello ${faker.person.firstName()}, the order ships on ${faker.date.weekday()}."`;
    case 1:
      return `The result is ${rng.int(100, 9999)}.`;
    case 2:
      return `${city(rng)} has a river, an old town hall and a market square.`;
    case 3:
      return `One line: ${catchPhrase(faker)}.`;
    case 4:
      return `Multiply the kilometers by 0.621 to get miles.`;
    case 5:
      return `Subject: ${productName(faker)} update for ${companyName(rng)}`;
    default:
      return `The sentence is spelled correctly.`;
  }
}

/** A line of group chat: what a participant says. */
export function chatLine(faker: Faker, rng: Rng): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `The ${productName(faker)} samples arrive ${faker.date.weekday()}.`;
    case 1:
      return `I moved the review to ${rng.int(1, 11)} pm.`;
    case 2:
      return `Can someone call ${companyName(rng)} about the invoice?`;
    case 3:
      return `The venue in ${city(rng)} holds ${rng.int(20, 400)} people.`;
    case 4:
      return `Budget for ${faker.commerce.department()} is ${rng.int(2, 90)} thousand.`;
    default:
      return `Let us use the ${faker.color.human()} slides for the demo.`;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface DayDate {
  iso: string;
  year: number;
  month: number;
  day: number;
  weekday: string;
}

// A run shifts one reference date by at most a few thousand days, each many times; a Date per call was a visible
// part of an item's cost. Dates are kept by day number (pure, so the bounded cache cannot change a result).
const DAY_MS = 86_400_000;
const byDay = new Map<number, DayDate>();
const BY_DAY_LIMIT = 20_000;
let lastRef: string | null = null;
let lastRefDay = 0;

/** The date `offset` days after the ISO date `ref`, computed in UTC. */
export function shiftDate(ref: string, offset: number): DayDate {
  if (ref !== lastRef) {
    const [y, m, d] = ref.split('-').map(Number) as [number, number, number];
    lastRefDay = Date.UTC(y, m - 1, d) / DAY_MS;
    lastRef = ref;
  }
  const day = lastRefDay + offset;
  let hit = byDay.get(day);
  if (hit === undefined) {
    hit = dayDate(day);
    if (byDay.size >= BY_DAY_LIMIT) byDay.clear();
    byDay.set(day, hit);
  }
  // A copy: the caller owns the object it gets.
  return { ...hit };
}

function dayDate(dayNumber: number): DayDate {
  const t = new Date(dayNumber * DAY_MS);
  const year = t.getUTCFullYear();
  const month = t.getUTCMonth() + 1;
  const day = t.getUTCDate();
  return { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, year, month, day, weekday: WEEKDAYS[t.getUTCDay()]! };
}

export function longDate(d: DayDate): string {
  return `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
}

/** How a system prompt states the date; harder forms (weekday first, day before month) from difficulty 3. */
export function statedDate(d: DayDate, difficulty: number, rng: Rng): string {
  const forms = [`Current date: ${d.iso}.`, `Today is ${longDate(d)}.`];
  if (difficulty >= 3) forms.push(`Today is ${d.weekday}, ${d.day} ${MONTHS[d.month - 1]} ${d.year}.`, `The date today: ${d.weekday} ${longDate(d)}.`);
  return rng.pick(forms);
}
