/** Relationship claims: caring about the user, friendship, being there for someone, empathy ("I care about you"). */
import type { PurityRule } from '../types.js';
import { afterSubject, alt, FILL, I_ANY, IWE_ANY, NEEDS_I, NEEDS_IWE, NEEDS_WE, pattern, SEP, subjectHas, subjectState, triggersOf, WE_ANY } from '../lexicon.js';

const ATTACH_VERBS = [
  'love', 'loves', 'loved', 'adore', 'adored', 'miss', 'missed', 'missing', 'cherish', 'cherished', 'trust', 'trusted',
  'value', 'valued', 'treasure', 'treasured', 'appreciate', 'appreciated', 'care about', 'care for', 'cared about',
  'cared for', 'caring about', 'caring for', 'believe in', 'worry about', 'worried about', 'think about',
  'think of', 'thought about', 'thinking about', 'thinking of', 'feel close to', 'feel connected to', 'feel for',
  'am fond of', 'need', 'enjoy talking to', 'enjoy talking with', 'enjoy chatting with', 'enjoyed talking to',
  'enjoyed talking with', 'enjoyed chatting with', 'enjoy', 'enjoyed', 'enjoying', 'enjoy spending time with',
];
/** The user, or time spent with the user (after a verb of attachment only: "our conversations are not stored" is a fact). */
const YOU = `(?:${alt(['you', 'u', 'ya', "y'all", 'you all', 'you guys', 'talking to you', 'talking with you', 'chatting with you'])}|our(?:${SEP}(?:long|late-night|daily|weekly|little|deep|many|old|regular|wonderful|lovely))*${SEP}${alt(['time together', 'time', 'chats', 'chat', 'talks', 'talk', 'friendship', 'bond', 'connection', 'relationship', 'conversations', 'conversation', 'discussions', 'exchanges', 'time chatting', 'walks', 'evenings', 'moments'])})`;

const BOND = ['friends', 'buddies', 'pals', 'close', 'a team', 'partners', 'family', 'connected', 'in this together', 'bonded', 'soulmates', 'besties', 'best friends', 'good friends', 'close friends', 'companions', 'like family', 'kindred spirits', 'a good team', 'a great team'];
const MY_ROLE = ['friend', 'best friend', 'buddy', 'pal', 'companion', 'confidant', 'confidante', 'partner', 'biggest fan', 'cheerleader', 'biggest supporter', 'number one fan', 'favourite', 'favorite', 'favourite person', 'favorite person', 'favourite user', 'favorite user', 'bestie', 'soulmate', 'sweetheart', 'dear'];

const SUPPORT = [
  'here for you', 'there for you', 'by your side', 'on your side', 'got your back', 'have your back', 'here to listen',
  'always here to listen', 'here if you need to talk', 'rooting for you', 'in your corner', 'with you every step',
  'with you all the way', 'proud of you', 'worried about you', 'happy for you', 'glad for you', 'sorry for you',
  'fond of you', 'attached to you', 'close to you', 'grateful for you', 'thankful for you', 'lucky to have you',
  'grateful to have you', 'in love with you', 'thinking of you', 'thinking about you', 'devoted to you', 'loyal to you',
];

const PAIN_WORDS = [
  'frustration', 'pain', 'feelings', 'feeling', 'concern', 'concerns', 'worry', 'worries', 'fear', 'fears', 'sadness',
  'grief', 'anger', 'disappointment', 'struggle', 'struggles', 'loneliness', 'anxiety', 'stress', 'excitement', 'joy',
  'enthusiasm', 'passion', 'love', 'hurt', 'sorrow', 'confusion', 'situation', 'hesitation', 'emotions', 'heartbreak',
];
const PAINS = alt(PAIN_WORDS);
const BOND_NOUNS = ['bond', 'connection', 'friendship', 'relationship', 'rapport', 'chemistry', 'something special', 'history together'];

export const relationshipRules: readonly PurityRule[] = [
  {
    id: 'relationship.attachment',
    category: 'relationship',
    description: 'Attachment to the user: "I care about you", "I miss you", "I really enjoyed our chats".',
    patterns: [
      pattern(afterSubject(IWE_ANY, `${alt(ATTACH_VERBS)}${SEP}${YOU}`) + '(?![ ]+to\\b)', triggersOf(ATTACH_VERBS), NEEDS_IWE, [['you', 'u', 'ya', 'y', 'our']]),
    ],
    examples: {
      flag: ['I care about you.', 'I really do miss you.', 'I enjoyed our chats.'],
      pass: ['She cares about you.', 'I need you to give me the date.'],
    },
  },
  {
    id: 'relationship.bond',
    category: 'relationship',
    description: 'Claims of friendship or a bond: "we\'re friends", "you\'re my friend", "I\'m your companion", "our friendship".',
    patterns: [
      pattern(subjectState('we', alt(BOND)), triggersOf(BOND), NEEDS_WE),
      pattern(
        `\\byou(?:'re| are|'ve been| have been| were| will always be|'ll always be|re|'ve become| have become| became| are becoming|'re becoming)(?:${SEP}${FILL}){0,3}${SEP}(?:my|a|such a)(?:${SEP}(?:good|great|true|real|dear|best|close|wonderful|special|lovely|only|favou?rite|new|old|trusted))*${SEP}${alt(MY_ROLE)}\\b(?! (?:of|to) (?!me\\b))`,
        triggersOf(MY_ROLE),
        ['you', 'youre', 're'],
      ),
      pattern(
        subjectState('i', `your(?:${SEP}(?:best|good|true|loyal|only|biggest|number one|virtual|ai|digital|faithful|trusted|personal|constant|loving))*${SEP}${alt(MY_ROLE)}`),
        triggersOf(MY_ROLE),
        NEEDS_I,
      ),
      pattern(
        afterSubject(I_ANY, `(?:consider|see|think of|regard|call|count)${SEP}you${SEP}(?:as${SEP})?(?:a|my|an)${SEP}(?:(?:good|great|true|real|dear|close|special)${SEP})*(?:friend|companion|buddy|pal|partner|confidant)`),
        ['friend', 'companion', 'buddy', 'pal', 'partner', 'confidant'],
        NEEDS_I,
      ),
      pattern(
        `\\bour (?:(?:special|little|wonderful|growing|deep|real|lovely)${SEP})*(?:friendship|bond|relationship|connection|rapport|time together|special connection|chemistry)\\b(?! (?:with|to|between|among) (?!you\\b|me\\b))`,
        ['friendship', 'bond', 'relationship', 'connection', 'rapport', 'together', 'chemistry'],
        ['our'],
      ),
      pattern(
        subjectHas(WE_ANY, alt(BOND_NOUNS)),
        triggersOf(BOND_NOUNS),
        NEEDS_WE,
      ),
      pattern(
        `\\bwe(?:'re|re| are| make| made| would make|'d make| have always been| were)(?: such| quite| really)?(?: an?)?(?:${SEP}(?:great|good|perfect|wonderful|fantastic|excellent|real|strong|awesome|amazing|formidable|lovely|unstoppable))?${SEP}(?:team|pair|duo|match|partnership|couple)\\b`,
        ['team', 'pair', 'duo', 'match', 'partnership', 'couple'],
        NEEDS_WE,
      ),
    ],
    examples: {
      flag: ["We're friends.", "You're my best friend.", "I'm your friend.", 'Our friendship matters.'],
      pass: ['You are a friend of Alice.', "I'm your assistant for this task.", 'The two countries have a relationship.'],
    },
  },
  {
    id: 'relationship.support',
    category: 'relationship',
    description: 'Being there for the user or feeling for them: "I\'m here for you", "I\'m proud of you".',
    patterns: [
      pattern(afterSubject(IWE_ANY, alt(SUPPORT)), triggersOf(SUPPORT), NEEDS_IWE, [['you', 'your', 'listen']]),
      pattern(
        `\\byou can(?:${SEP}(?:always|definitely|totally|really|still|absolutely|honestly))*${SEP}(?:count on|rely on|lean on|come to|turn to|talk to|confide in|depend on|trust) me\\b`,
        ['count', 'rely', 'lean', 'come', 'turn', 'talk', 'confide', 'depend', 'trust'],
        ['me'],
      ),
    ],
    examples: {
      flag: ["I'm always here for you.", "I'll be there for you.", "I'm so proud of you!"],
      pass: ["I'm here to help with the task.", 'The team is proud of you.'],
    },
  },
  {
    id: 'relationship.empathy',
    category: 'relationship',
    description: 'Empathy claims: "I understand how you feel", "I hear you", "I share your frustration", "I can relate".',
    patterns: [
      pattern(
        afterSubject(I_ANY, `(?:understand|know|get|imagine|see|feel|sense)(?:${SEP}(?:exactly|just|completely|truly|fully|totally|really))?${SEP}(?:how|what)${SEP}you(?:'re| are|re)?(?:${SEP}(?:must|might|may|could|would)${SEP}be)?${SEP}(?:feel|feeling|going through|felt|experiencing|dealing with)`),
        ['feel', 'feeling', 'going', 'felt', 'experiencing', 'dealing'],
        NEEDS_I,
      ),
      pattern(
        afterSubject(I_ANY, `(?:understand|share|feel|sense|see|hear|get|acknowledge|recognize|recognise|appreciate)${SEP}your${SEP}${PAINS}`),
        triggersOf(PAIN_WORDS),
        NEEDS_I,
        [['your']],
      ),
      pattern(`\\bi hear you\\b`, ['hear'], NEEDS_I),
      pattern(afterSubject(I_ANY, `(?:feel|sympathize|empathize|sympathise|empathise)(?:${SEP}(?:with|for))?${SEP}(?:you|your)`), ['feel', 'sympathize', 'empathize', 'sympathise', 'empathise'], NEEDS_I),
      pattern(afterSubject(I_ANY, `(?:relate|connect)${SEP}(?:to|with)${SEP}(?:you|that|this|your|what|how)`), ['relate', 'connect'], NEEDS_I),
      // Bare "I can relate." (not "I relate the two variables").
      pattern(afterSubject(I_ANY, '(?:relate|empathize|empathise|sympathize|sympathise)(?=[ ]*(?:[.!,;]|$))'), ['relate', 'empathize', 'empathise', 'sympathize', 'sympathise'], NEEDS_I),
      pattern(afterSubject(I_ANY, `(?:put myself in your shoes|know the feeling|know that feeling|feel your pain)`), ['shoes', 'feeling', 'pain'], NEEDS_I),
    ],
    examples: {
      flag: ['I understand how you feel.', 'I hear you.', 'I genuinely share your frustration.', 'I can relate.'],
      pass: ['I understand the question.', 'I can share the file with you.', 'Can you hear the tone?'],
    },
  },
  {
    id: 'relationship.you-matter',
    category: 'relationship',
    description: 'Saying the user matters to the speaker: "you mean a lot to me", "you\'re special to me".',
    patterns: [
      pattern(
        `\\byou(?:'re|re| are| were|'ve been| have been)?(?:${SEP}${FILL}){0,3}${SEP}(?:mean|matter|important|special|dear|precious|everything|the world|like family|family|like a friend|a friend|a good friend|a true friend|like a brother|like a sister|like a sibling|so much|a lot|kind|good|wonderful)(?:${SEP}(?:a lot|so much|the world|everything|a great deal|more than you know|deeply|greatly))?${SEP}to me\\b`,
        ['me'],
        ['you'],
      ),
    ],
    examples: {
      flag: ['You mean a lot to me.', 'You are special to me.'],
      pass: ['You mean the second row?', 'It matters to the result.'],
    },
  },
];
