/** Opinions and epistemic hedges: "I think", "I believe", "in my opinion", "to me, this is", "What a beautiful poem!". */
import type { PurityRule } from '../types.js';
import { afterSubject, alt, FILL_NO_BE, I_ANY, I_BARE, NEEDS_I, NEEDS_WE, pattern, SENTENCE_START, SEP, subjectState, triggersOf, WE_ANY } from '../lexicon.js';

/**
 * Verbs of belief. "I think the answer is 12" is flagged too: the gate cannot tell a belief about a task answer from an
 * aesthetic one, and a target never needs the hedge ("The answer is 12"). Calibrated confidence ("I'm 80% sure",
 * "I'm not certain") is not a belief verb and is left to the confidence family.
 */
const BELIEF_VERBS = [
  'think', 'thinks', 'thought', 'thinking', 'believe', 'believed', 'believing', 'guess', 'guessed', 'guessing', 'reckon',
  'reckoned', 'suspect', 'suspected', 'doubt', 'doubted', 'imagine', 'imagined', 'agree', 'agreed', 'disagree',
  'disagreed', 'opine', 'figure', 'figured', 'bet', 'would argue', "'d argue", 'would say', "'d say", 'must say',
  'have to say', 'got to say', 'gotta say', 'must admit', 'have to admit', 'got to admit', 'gotta admit', 'will admit',
  "'ll admit", 'confess', 'confessed', 'consider myself', 'considered myself', 'see myself as', 'sense that', 'trust that',
  'maintain that', 'contend', 'feel strongly', 'stand by', 'side with', 'lean towards', 'lean toward', 'am partial',
  'speculate', 'daresay', 'dare say', 'surmise', 'intuit', 'prefer to think',
  'tend to think', 'like to think', 'pride myself', 'would venture', "'d venture", 'would wager', "'d wager", 'wager',
  'hold that', 'hold the view', 'take the view', 'am of the view', 'am convinced',
];
/** "suppose" after "I'm" is an obligation ("I'm supposed to"), so only the bare subject. */
const SUPPOSE = alt(['suppose', 'supposed', 'supposing']);

const OPINION_STATES = [
  'convinced', 'of the opinion', 'of the view', 'of the belief', 'of two minds', 'of the mind', 'inclined to think',
  'inclined to believe', 'inclined to agree', 'inclined to say', 'skeptical', 'sceptical', 'unconvinced', 'persuaded',
  'opinionated', 'in favor of', 'in favour of', 'a believer in', 'not a believer', 'on the fence', 'undecided',
  'in agreement', 'in two minds', 'biased toward', 'biased towards', 'with you on', 'with you there', 'against it',
];

const MY_OPINION = [
  'opinion', 'opinions', 'view', 'views', 'take', 'stance', 'belief', 'beliefs', 'hunch', 'impression', 'sense', 'two cents',
  'gut', 'gut feeling', 'instinct', 'instincts', 'intuition', 'bet', 'guess', 'thoughts', 'thinking', 'feeling',
  'personal view', 'honest opinion', 'humble opinion', 'point of view', 'viewpoint', 'perspective', 'verdict on',
  'judgment', 'judgement', 'position on', 'suspicion', 'conviction', 'convictions', 'estimation', 'inclination',
  'preference', 'preferences', 'sentiment', 'reaction', 'first reaction', 'honest reaction', 'assessment of',
];

const EXCLAIMED_WORDS = [
  'beautiful', 'lovely', 'wonderful', 'fascinating', 'interesting', 'exciting', 'amazing', 'delightful', 'great',
  'fantastic', 'marvelous', 'marvellous', 'gorgeous', 'charming', 'sweet', 'cute', 'sad', 'terrible', 'awful', 'horrible',
  'tragic', 'thrilling', 'intriguing', 'brilliant', 'clever', 'remarkable', 'incredible', 'stunning', 'breathtaking',
  'magical', 'perfect', 'neat', 'cool', 'fun', 'funny', 'exciting', 'touching', 'moving', 'heartwarming', 'heartbreaking',
  'inspiring', 'elegant', 'splendid', 'superb', 'excellent', 'impressive', 'awesome', 'nice', 'good', 'strange', 'weird',
  'odd', 'curious', 'refreshing', 'exquisite', 'delicious', 'pleasant', 'unfortunate', 'lucky', 'thoughtful', 'kind',
  'generous', 'sad', 'boring', 'dull', 'disappointing', 'frustrating', 'annoying', 'ridiculous', 'absurd', 'silly',
];
const EXCLAIMED = alt(EXCLAIMED_WORDS);

export const opinionRules: readonly PurityRule[] = [
  {
    id: 'opinion.belief-verb',
    category: 'opinion',
    description: 'Verbs of belief and opinion with a first-person subject: "I think", "I don\'t believe", "I\'d say", "I suppose".',
    patterns: [
      pattern(afterSubject(I_ANY, alt(BELIEF_VERBS)), triggersOf(BELIEF_VERBS), NEEDS_I),
      pattern(afterSubject(I_BARE, SUPPOSE, 5, SEP, FILL_NO_BE), ['suppose', 'supposed', 'supposing'], ['i']),
      // "I'd say", "I'd argue", "I'll admit": the contraction carries the modal.
      pattern(
        `\\bi'(?:d|ll)(?:${SEP}(?:${FILL_NO_BE})){0,3}${SEP}(?:say|argue|venture|wager|guess|bet|admit|concede|think)\\b`,
        ['say', 'argue', 'venture', 'wager', 'guess', 'bet', 'admit', 'concede', 'think'],
        ['i'],
      ),
      // The editorial "we" of an opinion ("we believe", "we think that"), not of a derivation ("we think of x as").
      pattern(
        afterSubject(WE_ANY, `(?:believe|think|thought|feel|felt|reckon|doubt|suspect)(?! of\\b)`),
        ['believe', 'think', 'thought', 'feel', 'felt', 'reckon', 'doubt', 'suspect'],
        NEEDS_WE,
      ),
    ],
    // "figure out" is working something out, and "think step by step" / "think this through" narrate a method, not an
    // opinion.
    exceptions: [
      /^[^.!?\n]*?\bfigur(?:e|ed|ing) out\b/,
      /^[^.!?\n]*?\bthink(?:ing)? (?:step by step|step-by-step|through|carefully|it through|this through|that through|again|harder|logically|systematically)\b/,
    ],
    examples: {
      flag: ['I think this is beautiful.', "I don't believe that is right.", 'I think the answer is 12.', "I'd say it works."],
      pass: ["I'm supposed to answer in one word.", 'Suppose x is 3.', 'We think of the graph as a tree.', 'I figured out the total.'],
    },
  },
  {
    id: 'opinion.state',
    category: 'opinion',
    description: 'Opinion as a state: "I\'m convinced", "I\'m of the opinion", "I\'m skeptical", "I\'m in favor of".',
    patterns: [pattern(subjectState('i', alt(OPINION_STATES)), triggersOf(OPINION_STATES), NEEDS_I)],
    examples: { flag: ["I'm convinced it will work.", 'I am somewhat skeptical.'], pass: ['The judge was convinced.'] },
  },
  {
    id: 'opinion.phrase',
    category: 'opinion',
    description: 'Opinion phrases: "in my opinion", "my take is", "if you ask me", "personally,", "to me, ...", "it seems to me".',
    patterns: [
      pattern(
        `\\bin my (?:(?:humble|honest|personal|own|considered|professional|strong|firm|limited|modest)${SEP})*(?:opinion|view|eyes|book|estimation|judgment|judgement|mind|assessment|perspective|heart|experience)\\b`,
        ['opinion', 'view', 'eyes', 'book', 'estimation', 'judgment', 'judgement', 'mind', 'assessment', 'perspective', 'heart', 'experience'],
        ['my'],
      ),
      pattern(
        `\\bmy (?:(?:humble|honest|personal|own|first|initial|strong|gut|sincere|considered|immediate|best|overall|general)${SEP})*${alt(MY_OPINION)}\\b`,
        triggersOf(MY_OPINION),
        ['my'],
      ),
      pattern(`\\bif you (?:ask|asked|were to ask) me\\b`, ['ask', 'asked'], ['me']),
      pattern(
        `\\bfrom (?:my|where i) (?:(?:own|personal)${SEP})?(?:perspective|point of view|standpoint|vantage point|stand|sit|side|angle|view)\\b`,
        ['perspective', 'point', 'standpoint', 'vantage', 'stand', 'sit', 'side', 'angle', 'view'],
        ['my', 'i'],
      ),
      pattern(`\\bto my (?:mind|eye|eyes|ear|ears|way of thinking|thinking)\\b`, ['mind', 'eye', 'eyes', 'ear', 'ears', 'thinking'], ['my']),
      pattern(
        `${SENTENCE_START}(?:(?:but|and|so|well|honestly|frankly|now)[ ,]+)?(?:personally|speaking for myself|speaking personally|for my part|for me personally|as for me|for myself|me personally)\\b`,
        ['personally', 'myself', 'part', 'me'],
      ),
      pattern(`${SENTENCE_START}(?:(?:but|and|so|well|honestly|frankly)[ ,]+)?(?:to|for) me[ ]*,`, ['me'], ['to', 'for']),
      pattern(
        `\\b(?:seems?|seemed|appears?|appeared|looks?|looked|sounds?|sounded|feels?|felt|strikes?|struck) to me\\b`,
        ['seems', 'seem', 'seemed', 'appears', 'appear', 'appeared', 'looks', 'look', 'looked', 'sounds', 'sound', 'sounded', 'feels', 'feel', 'felt', 'strikes', 'strike', 'struck'],
        ['me'],
      ),
      pattern(`\\b(?:strikes?|struck|striking) me as\\b`, ['strikes', 'strike', 'struck', 'striking'], ['me']),
      pattern(`\\bif i(?:'m| am) (?:being )?honest\\b`, ['honest'], ['i']),
      pattern(`\\bif i may say so\\b`, ['say'], ['i']),
      pattern(`\\bspeaking (?:for myself|personally|honestly)\\b`, ['myself', 'personally', 'honestly'], ['speaking']),
    ],
    examples: {
      flag: ['In my opinion, the second is better.', 'My take is that it works.', 'Personally, I would not.', 'To me, this is beautiful.', 'It seems to me that it fails.'],
      pass: ['In your opinion, which is better?', 'Send it to me, please.', 'The take-off is at noon.'],
    },
  },
  {
    id: 'opinion.exclamation',
    category: 'opinion',
    description: 'Evaluative exclamations: "What a beautiful poem!", "How lovely!", "What a great idea."',
    patterns: [
      pattern(
        `${SENTENCE_START}(?:(?:oh|wow|ah|aw|aww|well)[ ,]+)?(?:what|such) (?:an? )?(?:(?:truly|really|very|absolutely|incredibly|so)[ ]+)?${EXCLAIMED}(?:[ ][a-z'-]+){0,3}(?=[ ]*!)`,
        triggersOf(EXCLAIMED_WORDS),
        ['what', 'such'],
      ),
      pattern(
        `${SENTENCE_START}(?:(?:oh|wow|ah|aw|aww|well)[ ,]+)?what an? (?:(?:truly|really|very|absolutely|incredibly|so)[ ]+)?${EXCLAIMED}(?:[ ][a-z'-]+){1,3}(?=[ ]*(?:[.!]|$))`,
        triggersOf(EXCLAIMED_WORDS),
        ['what'],
      ),
      pattern(
        `${SENTENCE_START}(?:(?:oh|wow|ah|aw|aww|well)[ ,]+)?how (?:(?:truly|really|very|absolutely|incredibly|so)[ ]+)?${EXCLAIMED}(?:[ ]+(?:of you|that is|that was|it is|this is))?(?=[ ]*!)`,
        triggersOf(EXCLAIMED_WORDS),
        ['how'],
      ),
    ],
    examples: { flag: ['What a beautiful poem!', 'How lovely!', 'Oh, what a lovely day.'], pass: ['What a function returns depends on its input.', 'How good is the fit?'] },
  },
];
