/** Remembered, sensory, bodily and autobiographical experience: "I remember", "I saw the sunset", "when I was a child". */
import type { PurityRule } from '../types.js';
import { afterSubject, alt, I_ANY, INPUT_REFERENCE, NEEDS_I, pattern, SENTENCE_START, SEP, subjectHas, subjectState, triggersOf } from '../lexicon.js';

const MEMORY_VERBS = [
  'remember', 'remembered', 'remembering', 'recall', 'recalled', 'recalling', 'recollect', 'recollected', 'reminisce',
  'reminisced', 'reminiscing', 'still picture', 'never forget', 'never forgot', "won't forget", 'will never forget',
  'think back', 'thought back', 'look back on', 'looked back on',
];
const SENSE_VERBS = [
  'saw', 'seen', 'heard', 'hear', 'hearing', 'taste', 'tasted', 'tasting', 'tastes', 'smell', 'smelled', 'smelt',
  'smelling', 'touched', 'watched', 'listened', 'listening to', 'listen to', 'experienced', 'experience', 'experiencing',
  'visited', 'traveled', 'travelled', 'traveling', 'travelling', 'hiked', 'swam', 'slept', 'sleep', 'sleeping', 'dreamed',
  'dreamt', 'dream', 'dreaming', 'woke up', 'wake up', 'grew up', 'was born', 'were born', 'ate', 'eaten', 'eat', 'drank',
  'cooked', 'vacationed', 'witnessed', 'lived in', 'lived through', 'gazed', 'glimpsed', 'been to', 'walked along',
  'walked on', 'live in', 'live on', 'live near', 'live with', 'lived on', 'lived near', 'lived with', 'sat by', 'lay on', 'breathe', 'breathed', 'felt the', 'met my', 'spent my',
  'attended', 'went to a', 'went to the beach', 'went to the park', 'went to the movies', 'went to school',
  'went to college', 'went to university', 'went to bed', 'went for a walk', 'went swimming', 'went hiking',
  'played', 'danced', 'sang', 'bathed', 'shivered', 'sweated', 'yawned', 'napped', 'jog', 'jogged',
];
const BODILY = [
  'hungry', 'thirsty', 'tired', 'sleepy', 'exhausted', 'sore', 'sick', 'dizzy', 'in pain', 'drowsy', 'weary',
  'well-rested', 'rested', 'full', 'freezing', 'cold', 'hot', 'sweaty', 'nauseous', 'aching', 'jet-lagged', 'jetlagged',
  'fatigued', 'hungover', 'starving', 'parched', 'stuffed', 'worn out', 'burnt out', 'burned out', 'refreshed',
  'energetic', 'wide awake', 'half asleep', 'asleep', 'out of breath', 'achy', 'shivering', 'warm',
];
const BODILY_NOUNS = [
  'headache', 'stomachache', 'stomach ache', 'fever', 'a cold', 'sore throat', 'toothache', 'backache',
  'hangover', 'a great time', 'a good time',
  'a wonderful time', 'a blast', 'a lovely time', 'a nice time', 'the time of my life', 'a rough day', 'a long day',
  'a great day', 'a good day', 'a bad day', 'a busy day', 'a nice day', 'a lovely day', 'a wonderful day', 'a tough day',
  'a rough week', 'a good week', 'a great week', 'a busy week', 'a nap', 'breakfast', 'lunch', 'dinner', 'a snack',
  'a dream', 'dreams', 'nightmares', 'a nightmare', 'goosebumps', 'chills', 'butterflies', 'an itch', 'cramps',
];
const AUTOBIOGRAPHY = [
  'childhood', 'hometown', 'home town', 'family', 'parents', 'mother', 'father', 'mom', 'mum', 'dad', 'brother',
  'brothers', 'sister', 'sisters', 'siblings', 'wife', 'husband', 'girlfriend', 'boyfriend', 'son', 'daughter', 'kids',
  'children', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'grandparents', 'aunt', 'uncle', 'cousin', 'cousins',
  'dog', 'cat', 'pet', 'pets', 'friends', 'best friend', 'friend', 'neighbor', 'neighbour', 'neighbors', 'neighbours',
  'roommate', 'colleague', 'colleagues', 'coworkers', 'boss', 'teacher', 'teachers', 'weekend', 'vacation', 'holiday',
  'holidays', 'trip', 'travels', 'life', 'youth', 'home', 'house', 'apartment', 'flat', 'garden', 'car', 'bike',
  'school days', 'college days', 'university days', 'birthday', 'body', 'senses', 'eyes', 'ears', 'nose', 'tongue',
  'hands', 'skin', 'stomach', 'memories', 'memory of', 'morning', 'evening', 'night', 'breakfast', 'lunch', 'dinner',
  'coffee', 'commute', 'career', 'own experience', 'experience', 'experiences', 'personal experience',
  'personal experiences', 'journey', 'lived experience', 'first love', 'upbringing', 'past life', 'younger self',
  'younger days', 'kitchen', 'bedroom', 'office', 'desk', 'hometown', 'village', 'city', 'country of birth', 'wedding',
  'honeymoon', 'sleep', 'dreams', 'favorite memory', 'favourite memory', 'fondest memory', 'earliest memory',
];
const WHEN_I_WAS = [
  'young', 'younger', 'little', 'small', 'a child', 'a kid', 'a boy', 'a girl', 'a teenager', 'a teen', 'growing up',
  'in school', 'in college', 'at school', 'at university', 'a student', 'a baby', 'a toddler', 'in high school', 'new',
];

export const experienceRules: readonly PurityRule[] = [
  {
    id: 'experience.memory',
    category: 'experience',
    description: 'Remembering lived experience: "I remember", "I recall the smell", "I\'ll never forget".',
    patterns: [pattern(afterSubject(I_ANY, alt(MEMORY_VERBS)), triggersOf(MEMORY_VERBS), NEEDS_I)],
    // Recalling what the input or conversation says is a runtime fact, not a memory of a life.
    exceptions: [INPUT_REFERENCE, /\b(?:earlier|above|previously|before) in (?:this|our|the) (?:conversation|chat|thread|session|exchange)\b/],
    examples: {
      flag: ['I remember the first snow.', 'I fondly recall those days.', "I'll never forget it."],
      pass: ['Remember to save the file.', 'I recall from the system prompt that the date is March 3.'],
    },
  },
  {
    id: 'experience.sensory',
    category: 'experience',
    description: 'Seeing, hearing, tasting, visiting, sleeping: "I saw the sunset", "I\'ve tasted it", "I grew up by the sea".',
    patterns: [pattern(afterSubject(I_ANY, alt(SENSE_VERBS)), triggersOf(SENSE_VERBS), NEEDS_I)],
    // Perceiving the task input ("I saw three errors in the input") is not experience; neither is touching on a topic.
    exceptions: [
      INPUT_REFERENCE,
      /^[^.!?\n]*?\b(?:touched|touch) (?:on|upon)\b/,
      /^[^.!?\n]*?\bvisited (?:the |this |that |your )?(?:url|link|page|website|site|webpage|endpoint|node|nodes|vertex|vertices|cell|cells|state|states|element|elements|item|items)\b/,
      // "I saw that the input has ..." (a clause about the input), not "I've seen that film".
      /^[^.!?\n]*?\b(?:saw|seen|heard) (?:that (?:the|a|an|this|it|there|you|your|x|y|n|\d|[a-z]+ (?:is|are|was|were|has|have|had|contains?|equals?|appears?))|no|none|nothing|only|how|which|what|whether|where|the (?:input|text|word|number|answer|error|question|result|output|list|value|pattern|same))\b/,
      /^[^.!?\n]*?\bplayed (?:the|a|an)? ?(?:role|part)\b/,
      // Watching a process is monitoring, not an experience.
      /^[^.!?\n]*?\bwatched (?:the |your |its |for |over )?(?:logs?|output|outputs|progress|stream|process|metrics|values?|results?|errors?|changes|loss|training|run|job|build|tests?|counter|variable)\b/,
    ],
    examples: {
      flag: ['I saw the sunset last night.', "I've tasted better coffee.", 'I grew up by the sea.', 'I have never really heard jazz live.'],
      pass: ['I saw three errors in the input.', 'I touched on this earlier.', 'You saw the sunset.'],
    },
  },
  {
    id: 'experience.bodily',
    category: 'experience',
    description: 'Bodily states and lived days: "I\'m hungry", "I\'m so tired", "I had a great time", "I have a headache".',
    patterns: [
      pattern(subjectState('i', alt(BODILY)), triggersOf(BODILY), NEEDS_I),
      pattern(subjectHas(I_ANY, alt(BODILY_NOUNS)), triggersOf(BODILY_NOUNS), NEEDS_I),
      // "I had so much fun", not "I have fun facts about cats".
      pattern(
        `${subjectHas(I_ANY, '(?:so much |a lot of |lots of |such |great |real |some )?fun')}(?=[ ]*(?:[.!,;]|$|\\n|(?:with|doing|playing|talking|at|today|working|helping|chatting|when|while|reading|writing|learning|too|here|together|tonight|yesterday)\\b))`,
        ['fun'],
        NEEDS_I,
      ),
      pattern(subjectHas(I_ANY, 'pain(?! points?\\b| relievers?\\b| management\\b| scales?\\b)'), ['pain'], NEEDS_I),
    ],
    // "I'm warm to the idea" is an attitude (still subjective, but caught elsewhere); "full" of a context is a fact.
    exceptions: [/^[^.!?\n]*?\b(?:full|warm|cold|hot) (?:of|on|to|context|list|stop|name|start|cache|path|reload)\b/],
    examples: {
      flag: ["I'm hungry.", "I'm so tired today.", 'I had a great time.', 'I have a headache.'],
      pass: ['The cat is hungry.', 'I have the full context.', "I'm full of ideas."],
    },
  },
  {
    id: 'experience.autobiography',
    category: 'experience',
    description: 'An invented life: "my childhood", "my family", "when I was a child", "I once", "a friend of mine".',
    patterns: [
      pattern(
        `\\bmy (?:(?:own|whole|entire|little|older|younger|big|late|dear|best|old|new|childhood|first|favou?rite|happiest|fondest|earliest|early|personal|own)${SEP})*${alt(AUTOBIOGRAPHY)}\\b`,
        triggersOf(AUTOBIOGRAPHY),
        ['my'],
      ),
      pattern(
        `\\bwhen i (?:was|were)(?:${SEP}(?:still|very|really|just|a lot|much|quite))*${SEP}${alt(WHEN_I_WAS)}\\b`,
        triggersOf(WHEN_I_WAS),
        ['when'],
      ),
      pattern(`\\bi once\\b(?! (?:more|again)\\b)`, ['once'], ['i']),
      pattern(
        `\\b(?:a|one|an old|some|two|three) (?:(?:good|close|dear|old|best)${SEP})?(?:friends?|colleagues?|neighbou?rs?|relatives?|cousins?) of mine\\b`,
        ['mine'],
      ),
      pattern(
        `${SENTENCE_START}(?:(?:and|but|so)[ ]+)?(?:yesterday|last (?:week|weekend|summer|winter|spring|fall|autumn|year|night|month|time)|this (?:morning|weekend|past weekend)|the other day|years ago|long ago|growing up|as a (?:child|kid|teenager|boy|girl|student)|back in (?:my|the) day|back when i)[ ,]+(?:i|we|my|me)\\b`,
        ['yesterday', 'last', 'this', 'other', 'ago', 'growing', 'child', 'kid', 'teenager', 'boy', 'girl', 'student', 'back'],
        ['i', 'we', 'my', 'me'],
      ),
      pattern(`\\bback when i\\b`, ['back'], ['i']),
    ],
    // "my experience with the input" and "my morning" are rare in targets; "my life" as a model lifespan is a fact claim
    // ("my life cycle"), so only whole-word nouns are listed and "my memory of the context" is a runtime fact.
    exceptions: [/^my (?:[a-z-]+ )*(?:memory of|experience with) (?:the|this|your) (?:input|text|context|document|conversation|prompt|task)/],
    examples: {
      flag: ['My childhood was happy.', 'When I was a child, I loved snow.', 'I once met a famous chef.', 'A friend of mine lives there.'],
      pass: ['Your family is waiting.', 'I once more checked the sum.', 'My context window is 8,192 tokens.'],
    },
  },
];
