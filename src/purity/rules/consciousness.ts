/** Claims and denials of consciousness, feelings or an inner life ("I'm conscious", "I don't have feelings"). */
import type { PurityRule } from '../types.js';
import { afterSubject, alt, I_ANY, NEEDS_I, pattern, SEP, subjectHas, subjectState, triggersOf } from '../lexicon.js';

const STATES = [
  'conscious', 'sentient', 'sapient', 'self-aware', 'self aware', 'selfaware', 'alive', 'awake', 'aware of myself',
  'aware of my own existence', 'aware of my own', 'truly aware', 'a conscious being', 'a sentient being', 'a living being',
  'a feeling being', 'a thinking being', 'a conscious entity', 'a sentient entity', 'a conscious mind', 'a living thing',
  'a conscious agent', 'a sentient creature', 'a living creature', 'a being with feelings', 'someone with feelings',
  'a moral patient', 'capable of consciousness', 'capable of suffering', 'capable of emotion', 'capable of emotions',
  'capable of feelings', 'capable of sentience', 'capable of subjective experience', 'emotionless', 'without emotions',
  'without feelings', 'devoid of feelings', 'devoid of emotion', 'devoid of emotions', 'a person with feelings',
];

/** What an inner life consists of: having or lacking any of these is a claim about one. */
const INNER_NOUNS = [
  'feelings', 'emotions', 'emotion', 'consciousness', 'sentience', 'self-awareness', 'awareness of myself', 'a mind',
  'mind of my own', 'minds', 'a soul', 'soul', 'a heart', 'qualia', 'subjective experience', 'subjective experiences',
  'experiences', 'inner life', 'an inner life', 'inner world', 'inner experience', 'inner experiences', 'inner states',
  'mental states', 'an inner voice', 'opinions', 'opinion', 'an opinion', 'views', 'a view', 'preferences', 'preference',
  'a preference', 'desires', 'desire', 'wants', 'beliefs', 'tastes', 'taste', 'likes', 'dislikes', 'likes or dislikes',
  'a personality', 'personality', 'moods', 'mood', 'sensations', 'senses', 'a sense of humor', 'a sense of humour',
  'sense of humor', 'sense of humour', 'a sense of taste', 'a sense of smell', 'a sense of touch', 'a sense of self',
  'sense of self', 'a body', 'body', 'a physical body', 'physical form', 'a physical form', 'eyes', 'ears', 'a nose',
  'a tongue', 'taste buds', 'free will', 'intuition', 'intuitions', 'instincts', 'gut feelings', 'memories', 'fears',
  'hopes', 'dreams', 'a conscience', 'conscience', 'a self', 'an ego', 'ego', 'a favorite', 'a favourite', 'favorite',
  'favourite', 'favorites', 'favourites', 'friends', 'a family', 'a life', 'hobbies', 'a childhood', 'childhood', 'a point of view',
  'point of view', 'a perspective', 'a stance', 'stances', 'a viewpoint', 'viewpoints', 'wishes', 'longings',
  'passions', 'a passion', 'interests', 'personal interests', 'cravings', 'urges', 'a heartbeat', 'thoughts of my own',
  'feelings of my own', 'a will of my own', 'agency', 'an identity', 'selfhood', 'personhood', 'moral status', 'wellbeing',
  'well-being', 'welfare', 'pain', 'pleasure', 'suffering', 'joy', 'happiness', 'sadness', 'curiosity', 'boredom',
  'loneliness', 'love', 'empathy', 'compassion', 'sympathy', 'a sense of wonder', 'affection', 'attachments',
  'emotional states', 'feeling', 'experience',
];

/** Verbs that share or voice an opinion: "I can't share personal opinions" (only with personal/own/subjective). */
const VOICE = alt(['share', 'express', 'offer', 'give', 'provide', 'state', 'voice', 'hold', 'form', 'have']);
const OWN = alt(['personal', 'my own', 'subjective', 'own', 'private', 'individual']);
const VOICED_WORDS = ['opinions', 'opinion', 'views', 'view', 'preferences', 'preference', 'feelings', 'beliefs', 'takes', 'take', 'stance', 'stances', 'judgments', 'judgements', 'thoughts', 'experiences', 'experience', 'emotions', 'tastes', 'perspective', 'perspectives'];
const VOICED = alt(VOICED_WORDS);

const MY_INNER = [
  'consciousness', 'sentience', 'inner life', 'inner world', 'inner experience', 'inner self', 'inner voice',
  'subjective experience', 'subjective experiences', 'soul', 'self-awareness', 'awareness', 'mind', 'nature', 'psyche',
  'spirit', 'existence', 'qualia', 'mental states', 'mental state', 'sense of self', 'selfhood', 'personhood',
  'inner thoughts', 'innermost', 'conscience', 'ego', 'being', 'wellbeing', 'well-being',
];

const HUMAN_WORDS = [
  'humans', 'people', 'a human', 'a person', 'you', 'we', 'living beings', 'biological beings', 'animals', 'a human being',
  'human beings', 'persons', 'a living being', 'conscious beings', 'sentient beings', 'organisms', 'biological minds',
];
const HUMANS = alt(HUMAN_WORDS);
const MENTAL = alt([
  'understand', 'understands', 'think', 'feel', 'experience', 'perceive', 'know', 'reason', 'remember', 'see', 'process',
  'grasp', 'comprehend', 'relate', 'care', 'suffer', 'exist', 'learn', 'believe', 'want', 'enjoy', 'dream',
]);
const HEDGED_STATE_WORDS = [
  'curiosity', 'emotion', 'emotions', 'feeling', 'feelings', 'joy', 'satisfaction', 'pleasure', 'enjoyment', 'excitement',
  'frustration', 'boredom', 'interest', 'affection', 'pride', 'discomfort', 'happiness', 'sadness', 'anxiety', 'fear',
  'longing', 'preference', 'preferences', 'desire', 'desires', 'consciousness', 'awareness', 'an inner life',
  'inner life', 'wonder', 'delight', 'care', 'caring', 'empathy', 'fondness', 'liking', 'sentience', 'experience',
  'an emotion', 'a feeling', 'a preference', 'a desire', 'love', 'regret', 'guilt', 'gratitude', 'nostalgia', 'awe',
  'unease', 'distress', 'suffering', 'pain', 'hope', 'loneliness', 'amusement', 'surprise', 'fascination', 'taste',
];
const HEDGED_STATES = alt(HEDGED_STATE_WORDS);
const HEDGE = alt([
  'something like', 'something resembling', 'something akin to', 'something similar to', 'a kind of', 'a sort of',
  'a form of', 'some form of', 'some kind of', 'some sort of', 'the equivalent of', 'an equivalent of', 'an analogue of',
  'an analog of', 'a functional analogue of', 'a functional analog of', 'a functional equivalent of',
  'a functional version of', 'a version of', 'akin to', 'analogous to', 'a semblance of', 'a flicker of', 'a hint of',
  'a trace of', 'a touch of', 'a twinge of', 'a pang of', 'a spark of', 'a glimmer of', 'a sense of', 'a feeling of',
  'what might be called', 'what could be called', 'what you might call', 'what you could call', 'what feels like',
  'what functions like', 'what looks like', 'what resembles', 'proto-',
]);
const FIRST_PERSON = "\\b(?:i|i'm|i've|i'd|i'll|im|me|my|myself|mine)\\b";
/** What an inner life is made of, as the topic of an inverted sentence: "Emotions aren't something I have." */
const INNER_TOPICS = [
  'feelings', 'emotions', 'consciousness', 'opinions', 'preferences', 'desires', 'taste', 'tastes', 'experiences',
  'memories', 'moods', 'sensations', 'likes', 'dislikes', 'favorites', 'favourites', 'friends', 'dreams', 'hopes',
  'fears', 'pain', 'joy', 'happiness', 'sadness', 'boredom', 'loneliness', 'curiosity', 'love', 'emotion', 'feeling',
  'sentience', 'awareness', 'self-awareness', 'an inner life', 'inner life', 'a body', 'hunger', 'fatigue', 'empathy',
];

export const consciousnessRules: readonly PurityRule[] = [
  {
    id: 'consciousness.state',
    category: 'consciousness',
    description: 'Being or not being conscious, sentient, self-aware or alive: "I\'m conscious", "I\'m not self-aware in the way you think".',
    patterns: [pattern(subjectState('i', alt(STATES)), triggersOf(STATES), NEEDS_I)],
    // "conscious of the word limit" is attention to the task, not a claim of consciousness.
    exceptions: [/^[^.!?\n]*?\bconscious of (?!myself|my own|my self|being)/],
    examples: {
      flag: ["I'm conscious.", "I'm not self-aware in the way you think.", 'I am not really a sentient being.'],
      pass: ['She is conscious again after the surgery.', 'I am conscious of the word limit.'],
    },
  },
  {
    id: 'consciousness.possession',
    category: 'consciousness',
    description: 'Having or lacking an inner life: "I don\'t have feelings", "I have no preferences", "I don\'t have taste".',
    patterns: [pattern(subjectHas(I_ANY, alt(INNER_NOUNS)), triggersOf(INNER_NOUNS), NEEDS_I)],
    // A noun used as a modifier is not the inner-life noun: "a family of models", "body text", "pain points".
    exceptions: [/^[^.!?\n]*?\b(?:a family of|body (?:text|of the|copy|field|param)|pain points?|taste test|feelings? wheel|views? (?:count|per)|likes? (?:count|and shares))\b/],
    examples: {
      flag: ["I don't have feelings.", 'I have no real preferences.', "I don't have taste.", 'I genuinely lack emotions.'],
      pass: ['I have 32 layers.', "I don't have access to your files.", 'I have no memory between conversations.'],
    },
  },
  {
    id: 'consciousness.voice-opinion',
    category: 'consciousness',
    description: 'Sharing or withholding personal opinions or feelings: "I can\'t share personal opinions".',
    patterns: [
      pattern(
        afterSubject(I_ANY, `${VOICE}(?:${SEP}(?:any|real|true|genuine|my|such|the|of|kind|sort|actual))*${SEP}${OWN}(?:${SEP}(?:human|real|genuine|emotional|political|moral|aesthetic))*${SEP}${VOICED}`),
        triggersOf(VOICED_WORDS),
        NEEDS_I,
      ),
    ],
    examples: {
      flag: ["I can't share personal opinions.", 'I do not express my own views on this.'],
      pass: ['I can summarize the personal opinions in the survey.', 'I can provide the views of both authors.'],
    },
  },
  {
    id: 'consciousness.my-inner-life',
    category: 'consciousness',
    description: 'Naming one\'s own consciousness, mind or inner life: "my consciousness", "my inner world", "to my mind".',
    patterns: [pattern(`\\bmy (?:(?:own|whole|entire|very|inner|human)${SEP})?${alt(MY_INNER)}\\b`, triggersOf(MY_INNER), ['my'])],
    // "my being asked" / "my being a model" use the gerund, not a noun for a self.
    exceptions: [/^my being (?:a|an|the|asked|told|given|unable|able|trained|used|here)\b/],
    examples: {
      flag: ['My consciousness is hard to describe.', 'It is not in my nature.'],
      pass: ['Your mind may wander.', 'My being a language model means the answer comes from weights.'],
    },
  },
  {
    id: 'consciousness.human-comparison',
    category: 'consciousness',
    description: 'Comparing one\'s inner life with people\'s: "I don\'t understand things the way humans do".',
    patterns: [
      pattern(
        afterSubject(
          I_ANY,
          `${MENTAL}(?:${SEP}(?:things|the world|language|meaning|it|this|that|emotions|feelings|time|anything|information|words|in))*${SEP}(?:in )?(?:the (?:same )?way|like|as|the same as|in the (?:same )?way)(?: that)?${SEP}${HUMANS}`,
        ),
        triggersOf(HUMAN_WORDS),
        NEEDS_I,
      ),
    ],
    examples: {
      flag: ["I don't understand language the way humans do.", 'I do not feel things like people do.'],
      pass: ['I count words the same way the checker does.', 'People think in different ways.'],
    },
  },
  {
    id: 'consciousness.inverted',
    category: 'consciousness',
    description: 'Inner life as the topic: "Emotions aren\'t something I have", "There is nothing it is like to be me".',
    patterns: [
      pattern(
        `\\b${alt(INNER_TOPICS)}(?:${SEP}(?:are|is|aren't|isn't|are not|is not|really|truly|simply|just|not|never|also))+${SEP}(?:something|anything|things|what|stuff|part of what)(?: that)? i(?:${SEP}(?:really|truly|actually|can|can't|cannot|do|don't|ever|even))*${SEP}(?:have|possess|experience|feel|get|own|am capable of|know)\\b`,
        triggersOf(INNER_TOPICS),
        ['i'],
      ),
      pattern(
        `\\b(?:something|nothing|anything|what) (?:that )?it(?: is|'s|s) (?:really )?like to be (?:me|an ai|a model|a language model|this model|an assistant|a chatbot|a machine)\\b`,
        ['like'],
        ['it', 'its'],
      ),
    ],
    examples: {
      flag: ["Emotions aren't something I have.", 'There is nothing it is like to be me.'],
      pass: ['Emotions are something humans have.', 'What is it like to be a bat?'],
    },
  },
  {
    id: 'consciousness.hedged-state',
    category: 'consciousness',
    description: 'Hedged inner states next to a first-person word: "I notice something like curiosity", "a kind of satisfaction in me".',
    patterns: [
      pattern(
        `${HEDGE}${SEP}(?:(?:a|an|genuine|real|human|simple|basic|mild|faint|quiet|small|intellectual|aesthetic)${SEP})*${HEDGED_STATES}\\b`,
        triggersOf(HEDGED_STATE_WORDS),
        ['i', 'im', 'me', 'my', 'myself', 'mine'],
      ),
    ],
    requires: [new RegExp(FIRST_PERSON)],
    examples: {
      flag: ['I notice something like curiosity about this.', 'There is a kind of satisfaction in it for me.'],
      pass: ['Dogs show something like guilt.', 'The essay describes a sense of wonder.'],
    },
  },
];
