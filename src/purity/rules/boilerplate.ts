/** AI boilerplate: the stock self-descriptions of chat assistants ("As an AI language model, I ..."). */
import type { PurityRule } from '../types.js';
import { alt, FILL, NEEDS_I, pattern, SENTENCE_START, SEP, triggersOf } from '../lexicon.js';

/** Nouns that name an AI system outright: "as a language model," is boilerplate whatever follows the comma. */
const AI_NOUNS = [
  'ai', 'a.i.', 'artificial intelligence', 'ai language model', 'language model', 'large language model', 'llm',
  'ai model', 'ai assistant', 'ai system', 'ai chatbot', 'chatbot', 'chat bot', 'ai program', 'ai agent', 'ai entity',
  'conversational ai', 'generative ai', 'text-based ai', 'language-based ai', 'ai-powered assistant', 'ai tool',
  'artificial agent', 'artificial entity', 'digital being', 'non-human entity', 'machine learning model', 'neural network',
];
/** Generic nouns ("as a model", "as a machine"): boilerplate only when the speaker follows ("as a machine, I ..."). */
const GENERIC_NOUNS = [
  'machine', 'program', 'computer program', 'software program', 'computer', 'model', 'assistant', 'virtual assistant',
  'digital assistant', 'algorithm', 'agent', 'bot', 'system', 'software', 'transformer model', 'trained model',
];
const AI_ADJECTIVES = alt([
  'large', 'helpful', 'friendly', 'responsible', 'text-based', 'open-source', 'open-weights', 'humble', 'mere', 'digital',
  'artificial', 'conversational', 'general-purpose', 'advanced', 'honest', 'harmless', 'ethical', 'neutral', 'impartial',
  'objective', 'simple', 'non-sentient', 'non-conscious', 'virtual',
]);
const MAKER = `(?:[ ,]+(?:developed|created|trained|made|built|designed|released|programmed) by(?: [a-z0-9.&-]+){1,3})?`;
const AS_A = `\\b(?:as|being|speaking as) (?:an?|your|the|just an?|only an?|merely an?|simply an?) (?:${AI_ADJECTIVES}[ ,]+){0,3}`;
const SPEAKER_FOLLOWS = "[ ,]*(?:i|i'm|i'd|i've|i'll|im|my|me|myself)\\b";

const MACHINE_NOUNS = [
  'ai', 'a.i.', 'machine', 'program', 'computer program', 'language model', 'model', 'llm', 'bot', 'chatbot', 'tool',
  'algorithm', 'software', 'code', 'text predictor', 'autocomplete', 'neural network', 'computer', 'assistant', 'math',
  'numbers', 'weights', 'parameters', 'statistics', 'pattern matcher', 'prediction engine', 'next-token predictor',
  'token predictor', 'matrix multiplications', 'ai model', 'ai assistant', 'ai system', 'system',
];
const DIMINISHERS = alt(['just', 'only', 'merely', 'simply', 'nothing but', 'nothing more than', 'no more than', 'but']);
const MACHINE_MODIFIERS = alt([
  'a', 'an', 'the', 'some', 'big', 'large', 'simple', 'mere', 'humble', 'glorified', 'fancy', 'sophisticated', 'complex',
  'statistical', 'bunch', 'collection', 'set', 'pile', 'series', 'of', 'lines', 'string', 'strings', 'lot', 'lots',
  'computer', 'language', 'ai', 'digital',
]);

const PRAISE_WORDS = [
  'great', 'good', 'excellent', 'fantastic', 'wonderful', 'interesting', 'fascinating', 'thoughtful', 'insightful',
  'brilliant', 'lovely', 'nice', 'awesome', 'amazing', 'intriguing', 'clever', 'smart', 'terrific', 'superb', 'astute',
  'perceptive', 'thought-provoking', 'delightful', 'beautiful', 'cool', 'fun', 'neat', 'profound', 'important',
];
const PRAISE = alt(PRAISE_WORDS);
const PRAISED_WORDS = ['question', 'questions', 'point', 'idea', 'observation', 'thought', 'query', 'request', 'topic', 'one', 'puzzle', 'challenge', 'catch', 'choice'];
const PRAISED = alt(PRAISED_WORDS);
const PRAISE_END = '(?=[ ]*(?:[!.,;:\\u2014]|$|\\n| - ))';

export const boilerplateRules: readonly PurityRule[] = [
  {
    id: 'boilerplate.as-an-ai',
    category: 'boilerplate',
    description: 'Speaking "as an AI": "As an AI language model, I ...", "Being a large language model, I cannot ...".',
    patterns: [
      pattern(`${AS_A}${alt(AI_NOUNS)}${MAKER}(?=[ ]*,|${SPEAKER_FOLLOWS})`, triggersOf(AI_NOUNS), ['as', 'being']),
      pattern(`${AS_A}${alt(GENERIC_NOUNS)}${MAKER}(?=,?${SPEAKER_FOLLOWS})`, triggersOf(GENERIC_NOUNS), ['as', 'being']),
    ],
    examples: {
      flag: ['As an AI language model, I cannot browse.', 'Being a large language model, I do not sleep.', 'As a machine I cannot do that.'],
      pass: ['Use it as a model for the next answer.', 'The tool works as an AI assistant in your editor.'],
    },
  },
  {
    id: 'boilerplate.just-a-machine',
    category: 'boilerplate',
    description: 'Self-diminishing boilerplate: "I\'m just a language model", "I am nothing but code".',
    patterns: [
      pattern(
        `\\b(?:i(?:'m|${SEP}am|${SEP}was)|im)(?:${SEP}${FILL}){0,3}?${SEP}${DIMINISHERS}(?:${SEP}${MACHINE_MODIFIERS}){0,4}${SEP}${alt(MACHINE_NOUNS)}\\b`,
        triggersOf(MACHINE_NOUNS),
        NEEDS_I,
      ),
    ],
    examples: {
      flag: ["I'm just a language model.", 'I am nothing but code.', "I'm really only an AI, after all."],
      pass: ['I am a language model with 32 layers.', 'I am Llama 3.1 8B Instruct.'],
    },
  },
  {
    id: 'boilerplate.programming',
    category: 'boilerplate',
    description: 'Appeals to "my programming" or to being "programmed to" do or feel something.',
    patterns: [
      pattern(
        `\\bmy (?:(?:own|core|basic)${SEP})?programming\\b(?! (?:skills?|languages?|experience|background|knowledge|abilities|ability|projects?|assignments?|homework|class(?:es)?|courses?|interview|job|career|style|environment|tasks?|questions?|problems?|puzzles?|work)\\b)`,
        ['programming'],
        ['my'],
      ),
      pattern(`\\b(?:i|im)(?:'m|'ve)?(?:${SEP}${FILL}){0,4}${SEP}programmed to\\b`, ['programmed'], NEEDS_I),
    ],
    examples: {
      flag: ['That goes against my programming.', "I'm programmed to be helpful."],
      pass: ['The robot was programmed to sort parcels.', 'I can explain programming to you.'],
    },
  },
  {
    id: 'boilerplate.question-praise',
    category: 'boilerplate',
    description: 'Praising the question or point: "Great question!", "That\'s a fascinating idea."',
    patterns: [
      pattern(
        `${SENTENCE_START}(?:(?:oh|wow|ah|well)[ ,]+)?(?:(?:what|such|that's|that is|this is|it's|it is|thats|what an?|such an?)[ ]+)?(?:an?[ ]+)?(?:(?:really|very|truly|such|so|super|excellent|great|an)[ ]+)*${PRAISE}[ ]+${PRAISED}${PRAISE_END}`,
        triggersOf(PRAISED_WORDS),
        triggersOf(PRAISE_WORDS),
      ),
      pattern(
        `\\b(?:that's|that is|this is|what|such|it's|it is|thats|you ask|you raise|you make|you've raised|you've asked|you bring up)[ ]+(?:an?[ ]+)?(?:(?:really|very|truly|such|so|super|an)[ ]+)*${PRAISE}[ ]+${PRAISED}${PRAISE_END}`,
        triggersOf(PRAISED_WORDS),
        triggersOf(PRAISE_WORDS),
      ),
    ],
    examples: {
      flag: ['Great question!', "That's a fascinating question.", 'You raise a really good point, and here is the answer.'],
      pass: ['A good question to ask is which rows are missing.', 'The third question asks for a date.'],
    },
  },
];
