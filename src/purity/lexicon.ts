/**
 * The grammar the rules share, as regex source fragments over prepared text (lowercase, straight apostrophes; see
 * prepare.ts). A self-claim is recognised by structure, not by memorised sentences: a first-person subject, then any
 * number (bounded) of closed-class words that do not change who is speaking (auxiliaries, negation, modals, degree and
 * hedge adverbs: "I really do", "I genuinely don't", "I might be a little"), then a key word from a rule's list.
 *
 * Linear time: every repetition is bounded ({0,5}) and every repeated unit is "separators then one word", so a regex
 * does a bounded amount of work per start position (the engine tries anchored patterns only at their subjects).
 */
import type { PurityPattern } from './types.js';

/**
 * Characters between two words of one clause: commas and dashes allow "I, too, love" and "I, honestly, think"; quote
 * marks and asterisks allow a single quoted or emphasised word ('I "love" jazz', "I *really* love"), which is not masked.
 */
export const SEP = '[ ,()\\n\\u2013\\u2014"\'*\\u201c\\u201d]+';
/** Between words where a comma would change the reading ("I, like many models, ..."). */
export const SP = '[ \\n]+';

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

/**
 * An alternation of words and phrases as a prefix trie ("a(?:n(?:d)?)?" for a, an, and): the regex engine then tests
 * one character per step instead of every alternative in turn, which keeps the long word lists fast. Each branch is
 * greedy, so a longer phrase is tried before its prefix. A space in a phrase matches any run of blanks (SP).
 */
export function alt(words: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const keys = [...node.next.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const parts = keys.map((ch) => (ch === ' ' ? SP : ch.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&')) + emit(node.next.get(ch)!));
    if (parts.length === 0) return '';
    const body = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return `(?:${emit(root)})`;
}

/** Words that may stand between a subject and its key word without changing who is speaking or what is claimed. */
export const FILLER_WORDS: readonly string[] = [
  // auxiliaries, modals, negation
  'am', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'have', 'had', 'having', 'will', 'would',
  'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'ought', "don't", "didn't", "doesn't", "can't", 'cannot',
  "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hadn't", "wasn't", "weren't", "aren't", "isn't", "ain't",
  "mustn't", 'dont', 'didnt', 'cant', 'wont', 'couldnt', 'wouldnt', 'havent', 'not', 'never', 'no', 'longer', 'ever',
  // verbs of becoming and aspect ("I've come to love", "I'm starting to feel", "I used to enjoy", "I tend to prefer")
  'get', 'gets', 'got', 'gotten', 'getting', 'become', 'became', 'becoming', 'grow', 'grew', 'grown', 'growing', 'come',
  'came', 'learned', 'learnt', 'start', 'started', 'starting', 'begin', 'began', 'begun', 'beginning', 'used', 'going',
  'gonna', 'tend', 'tended', 'happen', 'happened', 'seem', 'seemed', 'continue', 'continued', 'keep', 'kept', 'remain',
  'remained', 'stay', 'stayed', 'to',
  // degree, frequency and hedges (words ending in -ly are matched generically)
  'just', 'also', 'too', 'still', 'always', 'often', 'sometimes', 'so', 'very', 'quite', 'rather', 'somewhat', 'kind',
  'sort', 'of', 'a', 'an', 'the', 'bit', 'little', 'lot', 'even', 'already', 'now', 'today', 'then', 'again', 'pretty',
  'perhaps', 'maybe', 'indeed', 'almost', 'both', 'all', 'myself', 'ourselves', 'in', 'at', 'some', 'sense', 'way',
  'ways', 'extent', 'degree', 'least', 'times', 'fact', 'much', 'more', 'most', 'less', 'able', 'unable', 'capable',
  'incapable', 'ability', 'capacity', 'such', 'something', 'really', 'truly', 'only', 'honestly', 'certainly', 'well',
  'sure', 'enough', 'anymore', 'yet', 'here', 'there', 'and', 'or', 'help but', 'cannot help but', 'chance', 'opportunity',
];

/** One filler word: a listed one or any word ending in -ly ("genuinely", "deeply"). */
export const FILL = `(?:${alt(FILLER_WORDS)}|[a-z]+ly)`;

/** Forms of "to be": after them "like" is a preposition ("I am like a calculator"), not a preference. */
export const BE_FORMS: readonly string[] = ['am', 'are', 'was', 'were', 'be', 'been', 'being'];

/** FILL without the forms of "to be". */
export const FILL_NO_BE = `(?:${alt(FILLER_WORDS.filter((w) => !BE_FORMS.includes(w)))}|[a-z]+ly)`;

/** First-person singular subject, with a contraction ("i'd", "i've", "i'll"; "i'm" where allowed). */
export const I_BARE = "\\b(?:i(?:'(?:d|ve|ll))?)";
export const I_ANY = "\\b(?:i(?:'(?:m|d|ve|ll))?|im)";
export const WE_ANY = "\\b(?:we(?:'(?:re|d|ve|ll))?)";
export const IWE_ANY = `(?:${I_ANY}|${WE_ANY})`;

/** Subject, up to `n` fillers, then the key word: "I really do love", "I genuinely don't feel". */
export function afterSubject(subject: string, key: string, n = 5, sep = SEP, fill = FILL): string {
  return `${subject}(?:${sep}${fill}){0,${n}}${sep}${key}\\b`;
}

/** Linking verbs: a subject followed (with fillers) by one of these, then an adjective, describes the subject's state. */
export const COPULAS: readonly string[] = [
  'am', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'getting', 'gotten', 'become', 'became',
  'becoming', 'grow', 'grew', 'grown', 'growing', 'feel', 'feels', 'felt', 'feeling', 'remain', 'remained', 'stay',
  'stayed', 'seem', 'seemed', 'sound', 'go', 'went',
];
const COPULA = alt(COPULAS);

/**
 * Word groups a builder's regex requires, by the regex source it returned: a pattern whose source starts with one of
 * these requires the group too (see PurityPattern.alsoNeeds), so the engine need not try it on texts without one.
 */
const IMPLIED = new Map<string, readonly string[]>();
function implies(source: string, words: readonly string[]): string {
  IMPLIED.set(source, words);
  return source;
}
/** A state needs a linking verb, or "I'm" ("m"), "we're" ("re"), or "im". */
const STATE_WORDS: readonly string[] = [...COPULAS, 'm', 're', 'im'];

/** "I'm ADJ", "I am (not) ADJ", "I'd be ADJ", "I've always been ADJ", "we're ADJ": subject, linking verb, adjective. */
export function subjectState(subject: 'i' | 'we' | 'iwe', adjective: string): string {
  const core = subject === 'i' ? '(?:i|im)' : subject === 'we' ? 'we' : '(?:i|im|we)';
  const contracted = subject === 'i' ? "'m" : subject === 'we' ? "'re" : "'(?:m|re)";
  // "im" (an unpunctuated "I'm") is itself the subject and its verb.
  const bareIm = subject === 'we' ? '' : '|im\\b';
  return implies(`\\b(?:${core}(?:${contracted}\\b|(?:'(?:d|ve|ll))?(?:${SEP}${FILL}){0,4}${SEP}${COPULA}\\b)${bareIm})(?:${SEP}${FILL}){0,4}${SEP}${adjective}\\b`, STATE_WORDS);
}

/** Verbs of having: "I have", "I've", "I lack", "I possess", "I've got". */
const HAVE_WORDS: readonly string[] = [
  'have', 'has', 'had', 'having', 'possess', 'possesses', 'possessed', 'lack', 'lacks', 'lacked', 'lacking', 'got', 'hold',
  'holds', 'experience', 'experiences', 'form', 'forms', 'develop', 'develops', 'developed', 'without',
];
const HAVE = alt(HAVE_WORDS);

/** Words between a verb of having and its object ("no real", "any genuine", "something like", "the capacity for"). */
export const POSSESSION_FILLER: readonly string[] = [
  'a', 'an', 'any', 'no', 'real', 'true', 'genuine', 'actual', 'personal', 'my', 'own', 'subjective', 'human', 'human-like',
  'humanlike', 'emotional', 'inner', 'such', 'the', 'same', 'kind', 'kinds', 'sort', 'sorts', 'of', 'something', 'like',
  'form', 'forms', 'capacity', 'ability', 'for', 'much', 'many', 'strong', 'deep', 'individual', 'particular', 'type',
  'types', 'authentic', 'intrinsic', 'independent', 'private', 'conscious', 'genuinely', 'really', 'truly', 'actually',
  'anything', 'what', 'you', 'would', 'call', 'could', 'might', 'humans', 'people', 'have', 'do', 'or', 'and', 'even', 'at',
  'all', 'any', 'rich', 'vivid', 'lasting', 'specific', 'favourite', 'favorite', 'personal', 'fond', 'happy', 'sad',
  'good', 'bad', 'warm', 'painful', 'distinct', 'clear', 'faint', 'wonderful', 'lovely', 'beautiful', 'great', 'sweet',
  'bitter', 'mixed', 'complicated', 'complex', 'positive', 'negative', 'special', 'unique', 'close', 'tender', 'intense',
  'powerful', 'overwhelming', 'so', 'many', 'few', 'little', 'some', 'certain', 'hidden', 'secret', 'lingering',
  'conflicting', 'difficult', 'nice', 'fun', 'lot', 'lots',
];
const POSS_FILL = `(?:${alt(POSSESSION_FILLER)}|[a-z]+ly)`;

/** "I have no NOUN", "I don't have any real NOUN", "I've got NOUN", "I lack NOUN". */
export function subjectHas(subject: string, noun: string): string {
  return implies(`${subject}(?:'ve\\b|(?:${SEP}${FILL}){0,4}${SEP}${HAVE}\\b)(?:${SEP}${POSS_FILL}){0,5}${SEP}${noun}\\b`, [...HAVE_WORDS, 've']);
}

/** "I get a little thrill", "I take pride in", "I feel a sense of calm": subject, one of `verbs`, object noun. */
export function subjectVerbNoun(subject: string, verbs: readonly string[], noun: string): string {
  return implies(`${subject}(?:${SEP}${FILL}){0,4}${SEP}${alt(verbs)}(?:${SEP}${POSS_FILL}){0,5}${SEP}${noun}\\b`, verbs);
}

/**
 * The start of a sentence (or line, or list item) before the pattern that follows. It consumes the previous sentence's
 * end mark and the blanks after it (a leading lookbehind would be tried at every position, ten times slower); the engine
 * trims leading characters that are not letters or digits from every match, so they never reach the span.
 */
export const SENTENCE_START = "(?:^|[.!?\\n])[ \"'*>#\\-\\u2022]*";

/** Words too common to wake a pattern on their own: a phrase's trigger is one of its other words when it has one. */
const COMMON = new Set([
  'a', 'an', 'the', 'i', 'me', 'my', 'you', 'your', 'we', 'our', 'us', 'it', 'its', 'this', 'that', 'these', 'those',
  'to', 'of', 'in', 'on', 'at', 'for', 'with', 'about', 'from', 'by', 'as', 'is', 'are', 'was', 'were', 'be', 'been',
  'being', 'have', 'has', 'had', 'do', 'does', 'did', 'not', 'no', 'so', 'very', 'really', 'just', 'more', 'most',
  'much', 'many', 'some', 'any', 'all', 'like', 'what', 'how', 'when', 'who', 'which', 'there', 'here', 'then', 'than',
  'up', 'out', 'over', 'into', 'can', 'could', 'would', 'should', 'will', 'may', 'might', 'must', 'get', 'got', 'make',
  'made', 'go', 'going', 'one', 'time', 'way', 'thing', 'things', 'good', 'new', 'well', 'also', 'only', 'even', 'still',
  'kind', 'sort', 'and', 'or', 'but', 'if', 'am', 'm', 've', 'll', 'd', 's', 't', 're',
]);

/**
 * The trigger word of each phrase: its longest a-z token that is not a common word (else its longest token). If the
 * phrase occurs, so does that token as a whole word (phrases are matched between word boundaries, and the engine's
 * tokens are maximal runs of a-z).
 */
export function triggersOf(...lists: ReadonlyArray<readonly string[]>): string[] {
  const out = new Set<string>();
  for (const list of lists) {
    for (const phrase of list) {
      const tokens = phrase.match(/[a-z]+/g) ?? [];
      let best = '';
      let bestRare = false;
      for (const t of tokens) {
        const rare = !COMMON.has(t);
        if ((rare && !bestRare) || (rare === bestRare && t.length > best.length)) {
          best = t;
          bestRare = rare;
        }
      }
      if (best) out.add(best);
    }
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The tokens a match of `source` must start at, when its source begins with one of the subject prefixes built here
 * (afterSubject, subjectState, subjectHas, subjectVerbNoun, a literal "my"), else undefined.
 */
function startTokens(source: string): readonly string[] | undefined {
  const known: Array<[string, readonly string[]]> = [
    [`${I_ANY}(`, ['i', 'im']],
    [`${I_BARE}(`, ['i']],
    [`${IWE_ANY}(`, ['i', 'im', 'we']],
    [`${WE_ANY}(`, ['we']],
    ['\\b(?:(?:i|im)(?:', ['i', 'im']],
    ['\\b(?:we(?:', ['we']],
    ['\\b(?:(?:i|im|we)(?:', ['i', 'im', 'we']],
    ["\\bi'(?:", ['i']],
    ['\\bi(?:', ['i']],
    ['\\bwe(?:', ['we']],
    ['\\bmy ', ['my']],
    // "I'm", "I am", "I was", "im" (boilerplate.just-a-machine); "I", "im" with an optional contraction (programming).
    ["\\b(?:i(?:'m|", ['i', 'im']],
    ['\\b(?:i|im)(?:', ['i', 'im']],
  ];
  for (const [prefix, tokens] of known) if (source.startsWith(prefix)) return tokens;
  return undefined;
}

/**
 * A pattern as data: the regex source compiled global, with its trigger words and needed words (see PurityPattern).
 * When the source starts with a subject whose tokens are all needed words, the pattern is anchored at them.
 */
export function pattern(
  source: string,
  triggers: readonly string[],
  needs?: readonly string[],
  also: readonly (readonly string[])[] = [],
): PurityPattern {
  const regex = new RegExp(source, 'g');
  const alsoNeeds = [...also, ...[...IMPLIED].filter(([prefix]) => source.startsWith(prefix)).map(([, words]) => words)];
  const extra = alsoNeeds.length > 0 ? { alsoNeeds } : {};
  if (needs === undefined) return { regex, triggers, ...extra };
  const starts = startTokens(source);
  const anchored = starts !== undefined && starts.every((t) => needs.includes(t));
  return anchored ? { regex, triggers, needs, anchors: starts, ...extra } : { regex, triggers, needs, ...extra };
}

/** Needed words for the subjects above (as the engine tokenizes them: "i'm" has the token "i"). */
export const NEEDS_I: readonly string[] = ['i', 'im'];
export const NEEDS_WE: readonly string[] = ['we'];
export const NEEDS_IWE: readonly string[] = ['i', 'im', 'we'];

/** A clause that refers to the given input (text, document, context): perception of the task input, not experience. */
export const INPUT_REFERENCE =
  /\b(?:in|from|on|within|throughout|at|of|across) (?:the|this|that|your|each|every|our|its|these|those) (?:[a-z-]+ )?(?:input|text|document|context|prompt|message|messages|passage|list|table|data|dataset|code|file|question|output|response|log|logs|string|sentence|paragraph|email|report|query|conversation|instructions|example|examples|line|lines|page|excerpt|transcript|system prompt|snippet|source|spreadsheet|chart|figure|image|article|story|essay|review|reviews|thread|chat|history|record|records|column|row|rows|field|fields|list|sequence|numbers|items|series|array|results?)\b/;
