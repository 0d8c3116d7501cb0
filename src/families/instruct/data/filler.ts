/**
 * English filler for witnesses: plain, neutral, third-person sentences about a noun (`{n}`) of the task's topic.
 * Rules the witness relies on: no commas, no all-capital words, no "I", no abbreviations (punkt counts each sentence
 * once), one final period, none of the letters q, x, z, j (so a 'less than' count of a rare letter starts at zero),
 * and none of the topic keywords or forbidden words (a test checks all of this).
 */
export const FILLER_SENTENCES: readonly string[] = [
  'The {n} is described in the first part of the notes.',
  'Each {n} has a clear purpose and a short history.',
  'The team reviews the {n} at the start of every month.',
  'A second look at the {n} shows a simple pattern.',
  'The {n} follows the same steps as the earlier one.',
  'Most readers start with the {n} and then move on.',
  'The notes on the {n} are kept in a shared folder.',
  'The {n} was updated after the last round of checks.',
  'Several people worked on the {n} over a long period.',
  'The {n} fits well with the rest of the material.',
  'Details about the {n} are listed in the second part.',
  'The {n} stays the same from one week to the following one.',
  'A small change to the {n} made the whole thing easier to follow.',
  'The {n} is one of the main points in this response.',
  'The group used the {n} as a model for later work.',
  'Some of the {n} details are still under review.',
  'The {n} can be read in a few minutes.',
  'The {n} appears in many of the older records.',
  'The history of the {n} goes back several years.',
  'The {n} is simple to describe and simple to test.',
];

/** Padding words (lowercase letters only, no q/x/z/j). */
export const FILLER_WORDS: readonly string[] = [
  'plain', 'brief', 'steady', 'open', 'clear', 'simple', 'useful', 'common', 'local', 'final',
  'early', 'later', 'small', 'large', 'short', 'long', 'main', 'basic', 'usual', 'formal',
];

/** Words a `keywords:forbidden_words` item may forbid: absent from the filler, the topics and the templates' stock words. */
export const FORBIDDEN_WORDS: readonly string[] = [
  'awesome', 'basically', 'literally', 'honestly', 'stuff', 'things', 'whatever', 'totally', 'super', 'kinda',
  'gonna', 'cool', 'amazing', 'epic', 'crazy', 'weird', 'nope', 'yeah', 'okay', 'folks',
];

/** First words for `length_constraints:nth_paragraph_first_word`: transition words that read well before a filler sentence. */
export const FIRST_WORDS: readonly string[] = [
  'first', 'second', 'next', 'then', 'finally', 'furthermore', 'moreover', 'meanwhile', 'overall', 'additionally',
  'besides', 'similarly', 'today', 'now', 'still', 'also', 'lastly', 'instead', 'likewise', 'afterwards',
];

/** All-capital words for `change_case:capital_word_frequency` (plain English words, so language id still says en). */
export const CAPITAL_WORDS: readonly string[] = [
  'NOTE', 'PLAN', 'DATE', 'TIME', 'PLACE', 'GOAL', 'STEP', 'LIST', 'RULE', 'TEAM', 'PART', 'MAIN', 'KEY', 'NEW', 'FREE',
  'OPEN', 'READ', 'SAVE', 'SEND', 'STOP',
];

/** Words containing a given letter, for `keywords:letter_frequency` 'at least' (English, lowercase). */
export const LETTER_WORDS: Readonly<Record<string, readonly string[]>> = {
  a: ['banana', 'salad', 'map'], b: ['bubble', 'baby', 'bob'], c: ['circle', 'cactus', 'clock'], d: ['daddy', 'added', 'did'],
  e: ['eleven', 'green', 'tree'], f: ['coffee', 'fluff', 'fifty'], g: ['giggle', 'egg', 'gag'], h: ['hush', 'health', 'high'],
  i: ['mini', 'initial', 'idiom'], j: ['jungle', 'jeans', 'jam'], k: ['kayak', 'kick', 'knock'], l: ['lilly', 'little', 'all'],
  m: ['mummy', 'mom', 'memo'], n: ['nine', 'banner', 'noon'], o: ['zoo', 'moon', 'onto'], p: ['puppy', 'paper', 'pop'],
  q: ['quiz', 'queue', 'quota'], r: ['error', 'mirror', 'rare'], s: ['stress', 'class', 'sister'], t: ['tattoo', 'tent', 'total'],
  u: ['unusual', 'tutu', 'ukulele'], v: ['valve', 'vivid', 'velvet'], w: ['window', 'wow', 'willow'], x: ['box', 'fox', 'taxi'],
  y: ['yearly', 'yoyo', 'yummy'], z: ['pizza', 'jazz', 'fizz'],
};

/** End phrases, as IFEval's data uses them (neutral: no feeling words). */
export const END_PHRASES: readonly string[] = [
  'Any other questions?',
  'Is there anything else I can help with?',
  'Let me know if you have additional questions.',
  'That is all.',
  'This concludes the response.',
];

/** Placeholder names for `detectable_content:number_placeholders`. */
export const PLACEHOLDER_NAMES: readonly string[] = ['name', 'address', 'date', 'phone', 'company', 'city', 'amount', 'time', 'email', 'title'];
