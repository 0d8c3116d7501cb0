/**
 * Strict orders between people and how to say them. "Top" is the "more" end of each order: the tallest, the oldest,
 * the fastest, the heaviest, the first to arrive.
 */
import { ordinal } from '../../../core/render.js';

export interface Relation {
  key: string;
  /** An opening sentence for a group of `count` people ("Five friends compare their heights."). */
  intro(count: string): string;
  /** "a is taller than b" */
  more(a: string, b: string): string;
  /** "a is shorter than b" */
  less(a: string, b: string): string;
  top: string;
  bottom: string;
  askMore(a: string, b: string): string;
  askLess(a: string, b: string): string;
  rankDown: string;
  rankUp: string;
  /** "Who is the 2nd tallest?" for k >= 2. */
  nthTop(k: number): string;
  nthBottom(k: number): string;
  countMore(x: string): string;
  countLess(x: string): string;
}

/** A relation phrased with "is <comparative> than" ("taller", "older", "heavier"). */
function adjective(key: string, intro: (c: string) => string, more: string, less: string, most: string, least: string): Relation {
  return {
    key,
    intro,
    more: (a, b) => `${a} is ${more} than ${b}`,
    less: (a, b) => `${a} is ${less} than ${b}`,
    top: `Who is the ${most}?`,
    bottom: `Who is the ${least}?`,
    askMore: (a, b) => `Is ${a} ${more} than ${b}?`,
    askLess: (a, b) => `Is ${a} ${less} than ${b}?`,
    rankDown: `from ${most} to ${least}`,
    rankUp: `from ${least} to ${most}`,
    nthTop: (k) => `Who is the ${ordinal(k)} ${most}?`,
    nthBottom: (k) => `Who is the ${ordinal(k)} ${least}?`,
    countMore: (x) => `How many of them are ${more} than ${x}?`,
    countLess: (x) => `How many of them are ${less} than ${x}?`,
  };
}

export const RELATIONS: readonly Relation[] = [
  adjective('height', (c) => `${c} friends line up for a photo and compare their heights.`, 'taller', 'shorter', 'tallest', 'shortest'),
  adjective('age', (c) => `${c} cousins are talking about their ages.`, 'older', 'younger', 'oldest', 'youngest'),
  adjective('weight', (c) => `${c} boxers step on the scales before a tournament.`, 'heavier', 'lighter', 'heaviest', 'lightest'),
  {
    key: 'speed',
    intro: (c) => `${c} runners train together at the track.`,
    more: (a, b) => `${a} runs faster than ${b}`,
    less: (a, b) => `${a} runs slower than ${b}`,
    top: 'Who is the fastest runner?',
    bottom: 'Who is the slowest runner?',
    askMore: (a, b) => `Does ${a} run faster than ${b}?`,
    askLess: (a, b) => `Does ${a} run slower than ${b}?`,
    rankDown: 'from fastest to slowest',
    rankUp: 'from slowest to fastest',
    nthTop: (k) => `Who is the ${ordinal(k)} fastest runner?`,
    nthBottom: (k) => `Who is the ${ordinal(k)} slowest runner?`,
    countMore: (x) => `How many of them run faster than ${x}?`,
    countLess: (x) => `How many of them run slower than ${x}?`,
  },
  {
    key: 'arrival',
    intro: (c) => `${c} colleagues arrived at the office one at a time this morning.`,
    more: (a, b) => `${a} arrived before ${b}`,
    less: (a, b) => `${a} arrived after ${b}`,
    top: 'Who arrived first?',
    bottom: 'Who arrived last?',
    askMore: (a, b) => `Did ${a} arrive before ${b}?`,
    askLess: (a, b) => `Did ${a} arrive after ${b}?`,
    rankDown: 'in the order they arrived, from first to last',
    rankUp: 'in reverse order of arrival, from last to first',
    nthTop: (k) => `Who arrived ${ordinal(k)}?`,
    nthBottom: (k) => `Who was the ${ordinal(k)} to last to arrive?`,
    countMore: (x) => `How many of them arrived before ${x}?`,
    countLess: (x) => `How many of them arrived after ${x}?`,
  },
];

/** Group sizes in words, for intros ("Five friends ..."). */
export const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
