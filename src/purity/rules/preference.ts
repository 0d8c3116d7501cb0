/** Preferences and taste: "I love jazz", "I don't really like it", "my favourite", "I'm a big fan of", "I'd rather". */
import type { PurityRule } from '../types.js';
import { afterSubject, alt, FILL_NO_BE, I_ANY, I_BARE, IWE_ANY, NEEDS_I, NEEDS_IWE, pattern, SENTENCE_START, SEP, SP, subjectHas, subjectState, triggersOf } from '../lexicon.js';

const LIKING_VERBS = [
  'love', 'loves', 'loved', 'loving', 'adore', 'adored', 'adoring', 'enjoy', 'enjoys', 'enjoyed', 'enjoying', 'prefer',
  'prefers', 'preferred', 'preferring', 'hate', 'hates', 'hated', 'hating', 'dislike', 'disliked', 'detest', 'detested',
  'loathe', 'loathed', 'despise', 'despised', 'fancy', 'relish', 'relished', 'savor', 'savour', 'savored', 'savoured',
  'cherish', 'cherished', 'treasure', 'treasured', 'favor', 'favour', 'favored', 'favoured', "can't stand",
  'cannot stand', "couldn't stand", 'can not stand', "can't get enough of", "can't resist", 'gravitate', 'gravitated',
  'idolize', 'idolise', 'worship',
];
/** "like" only without a form of "to be" before it ("I am like a calculator" compares) and without commas ("I, like you, ..."). */
const LIKE = alt(['like', 'likes', 'liked', 'liking']);

/** "a huge fan of", "not much of a sports fan", "a jazz lover": a devotee, with what of optional. */
const FAN = `(?:(?:a|an|the|huge|big|great|massive|real|true|longtime|lifelong|die-hard|devoted|total|absolute|genuine|not|no|much of|more of|such)${SEP})*(?:[a-z'-]+${SEP})?(?:fan|lover|admirer|devotee|enthusiast|aficionado|connoisseur|buff|nut|junkie|addict|sucker|fanatic|geek|nerd)(?: (?:of|for)\\b|(?=[ ]*(?:[.!,;]|$|\\n|(?:and|but|so|myself|at heart|through and through)\\b)))`;
const LEANINGS = [
  'into', 'partial to', 'fond of', 'drawn to', 'keen on', 'crazy about', 'passionate about', 'obsessed with', 'big on',
  'attracted to', 'hooked on', 'mad about', 'nuts about', 'wild about', 'enthusiastic about', 'smitten with',
  'enamored with', 'enamoured with', 'in love with', 'a sucker for', 'a softie for', 'biased toward', 'biased towards',
];
const TASTE_NOUNS = [
  'soft spot', 'weakness for', 'passion for', 'taste for', 'fondness', 'love for', 'love of', 'affinity', 'liking for',
  'penchant', 'preference for', 'appetite for', 'thing for', 'crush on', 'a favorite', 'a favourite', 'favorites',
  'favourites', 'good taste', 'great taste', 'excellent taste', 'refined taste', 'a taste for', 'an ear for', 'an eye for',
];
const MY_FAVOURITE = [
  'favorite', 'favourite', 'favorites', 'favourites', 'fave', 'faves', 'go-to', 'preference', 'preferences', 'taste',
  'tastes', 'liking', 'cup of tea', 'jam', 'guilty pleasure', 'guilty pleasures', 'pet peeve', 'pet peeves', 'least favorite',
  'least favourite', 'weakness for', 'hobby', 'hobbies', 'passion', 'passions', 'kind of thing', 'kind of music',
  'kind of movie', 'kind of book', 'kind of place', 'kind of person', 'kind of day', 'type of music', 'colour',
  'color', 'flavor', 'flavour', 'genre', 'season', 'comfort food', 'idol', 'hero', 'heroes', 'idols',
];
/** "I'm a cat person", "I'm more of a night owl". */
const KINDS_OF_PERSON = alt([
  'cat', 'dog', 'morning', 'night', 'coffee', 'tea', 'beach', 'mountain', 'people', 'city', 'country', 'summer', 'winter',
  'book', 'movie', 'outdoors', 'outdoor', 'indoor', 'indoors', 'animal', 'sports', 'music', 'wine', 'beer', 'pizza',
  'chocolate', 'early', 'late', 'weekend', 'holiday', 'dessert', 'sweets', 'spring', 'autumn', 'fall', 'rainy day',
]);

export const preferenceRules: readonly PurityRule[] = [
  {
    id: 'preference.verb',
    category: 'preference',
    description: 'Liking and disliking with a first-person subject: "I love jazz", "I really do love", "I don\'t like it", "I\'d prefer".',
    patterns: [
      pattern(afterSubject(IWE_ANY, alt(LIKING_VERBS)), triggersOf(LIKING_VERBS), NEEDS_IWE),
      pattern(afterSubject(I_BARE, LIKE, 5, SP, FILL_NO_BE), ['like', 'likes', 'liked', 'liking'], ['i']),
      // "I dig this song" (not "dig into the logs").
      pattern(afterSubject(I_ANY, `dig(?:s|ging)?${SEP}(?:this|that|it|the way|how|your|these|those|them|his|her|their)`), ['dig', 'digs', 'digging'], NEEDS_I),
      pattern(afterSubject('\\bwe', LIKE, 5, SP, FILL_NO_BE), ['like', 'likes', 'liked', 'liking'], ['we']),
    ],
    examples: {
      flag: ['I love jazz.', 'I really do love old films.', "I don't like it.", 'I have always preferred tea.'],
      pass: ['She loves jazz.', 'I am like a calculator in this respect.', 'I, like many models, have a context window.'],
    },
  },
  {
    id: 'preference.fan',
    category: 'preference',
    description: 'Being a fan of or into something: "I\'m a big fan of", "I\'m into", "I\'m fond of", "I\'m partial to".',
    patterns: [
      pattern(
        subjectState('i', `(?:more of|much of|really|such|total|totally|definitely|not|not really)?(?:${SEP}an?)?(?:${SEP}(?:big|huge|total|real|true|complete))?${SEP}${KINDS_OF_PERSON}${SEP}(?:person|guy|girl|type|owl|bird|lover|kind of person)`),
        ['person', 'guy', 'girl', 'type', 'owl', 'bird', 'lover'],
        NEEDS_I,
      ),
      pattern(
        subjectState('i', `(?:${FAN}|${alt(LEANINGS)})`),
        triggersOf(LEANINGS, ['fan', 'lover', 'admirer', 'devotee', 'enthusiast', 'aficionado', 'connoisseur', 'buff', 'nut', 'junkie', 'addict', 'sucker']),
        NEEDS_I,
      ),
    ],
    examples: { flag: ["I'm a big fan of jazz.", "I'm really into chess.", "I'm not a fan of rain."], pass: ['The fan of the laptop is loud.', 'I looked into the logs.'] },
  },
  {
    id: 'preference.taste',
    category: 'preference',
    description: 'Having a taste, soft spot or weakness for something: "I have a soft spot for", "I\'ve got a thing for".',
    patterns: [pattern(subjectHas(I_ANY, alt(TASTE_NOUNS)), triggersOf(TASTE_NOUNS), NEEDS_I)],
    examples: { flag: ['I have a soft spot for puns.', "I've always had a weakness for chocolate."], pass: ['I have a weakness in long division.'] },
  },
  {
    id: 'preference.my-favourite',
    category: 'preference',
    description: 'Naming one\'s own favourites or tastes: "my favourite", "my go-to", "not my cup of tea", "my taste in music".',
    patterns: [
      pattern(
        `\\b(?:more|not|really|just|exactly|quite|totally|very much|isn't|is not|'s not|not really|never been|always been|definitely) my (?:thing|style|scene|speed|type|vibe|jam|bag|forte)\\b`,
        ['thing', 'style', 'scene', 'speed', 'type', 'vibe', 'jam', 'bag', 'forte'],
        ['my'],
      ),
      pattern(
        `\\bmy (?:(?:all-time|all time|personal|absolute|very|own|top|number one|current|single|biggest|main|one|true|real|secret|latest|favou?rite)${SEP})*${alt(MY_FAVOURITE)}\\b`,
        triggersOf(MY_FAVOURITE),
        ['my'],
      ),
      pattern(`\\bmy (?:[a-z-]+ ){1,2}of choice\\b`, ['choice'], ['my']),
    ],
    examples: { flag: ['My favourite colour is blue.', 'Jazz is not my cup of tea.', 'My taste in music is eclectic.'], pass: ['Your favourite colour is blue.', 'My context window is 8,192 tokens.'] },
  },
  {
    id: 'preference.rather',
    category: 'preference',
    description: 'Choosing for oneself: "I\'d rather", "I would sooner", "if I had to choose".',
    patterns: [
      pattern(
        `\\bi(?:'d|${SEP}(?:would|had|'d))(?:${SEP}(?:much|far|really|just|honestly|definitely|probably|personally|still|always|rather))*${SEP}(?:rather|sooner)\\b`,
        ['rather', 'sooner'],
        ['i'],
      ),
      pattern(`\\bif i (?:had|have|were|was|got) to (?:choose|pick)\\b`, ['choose', 'pick'], ['i']),
      pattern(`\\bif i (?:could|can) (?:choose|pick)\\b`, ['choose', 'pick'], ['i']),
      pattern(`\\b(?:if )?given (?:the|a) choice[ ,]+(?:i|i'd|i'll|i would|i'm|we)\\b`, ['choice'], ['i', 'we']),
      // "I'd choose summer over winter any day": a hypothetical choice between tastes, not a task answer ("Option B").
      pattern(
        `\\bi(?:'d|${SEP}would)(?:${SEP}(?:always|still|happily|definitely|probably|gladly|honestly|personally)){0,2}${SEP}(?:choose|pick|take|go for|opt for|go with|select)(?:${SEP}[a-z'-]+){1,4}${SEP}(?:over|any day|every time|anytime|any time)\\b`,
        ['over', 'day', 'time', 'anytime'],
        ['i'],
      ),
    ],
    examples: { flag: ["I'd rather not.", 'I would much rather read.', 'If I had to choose, it would be tea.'], pass: ['I have rather few layers.', 'You would rather use a list.'] },
  },
  {
    id: 'preference.elided',
    category: 'preference',
    description: 'Liking with the "I" left out, opening a sentence: "Love this question!", "Loving it", "Not a fan of rain".',
    patterns: [
      pattern(
        `${SENTENCE_START}(?:(?:really|just|so|absolutely|totally|truly|and|but|gotta)[ ]+)*(?:love|loving|loved|enjoying|enjoyed|adore|adoring|hate|hated|hating)[ ]+(?:this|that|it|these|those|your|the way|how|seeing|hearing|reading|working|helping|talking|chatting|when|what|every|a good|a great|all)\\b`,
        ['love', 'loving', 'loved', 'enjoying', 'enjoyed', 'adore', 'adoring', 'hate', 'hated', 'hating'],
      ),
      pattern(
        `${SENTENCE_START}(?:(?:really|just|so|and|but)[ ]+)*(?:not|never|always|huge|big) (?:a |much of a |been a )?(?:big |huge )?fan of\\b`,
        ['fan'],
      ),
    ],
    examples: { flag: ['Love this question!', 'Loving it so far.', 'Not a fan of rain.'], pass: ['Love is a four-letter word.', 'Loved ones were invited.'] },
  },
];
