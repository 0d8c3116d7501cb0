/** Emotions, curiosity and other narrated internal states: "I'm curious now", "I feel", "this makes me happy". */
import type { PurityRule } from '../types.js';
import { afterSubject, alt, I_ANY, NEEDS_I, NEEDS_WE, pattern, SENTENCE_START, SEP, subjectState, subjectVerbNoun, triggersOf, WE_ANY } from '../lexicon.js';

/**
 * Adjectives that also modify nouns ("a content filter", "a blue whale", "moved to the next step"): a state only when
 * the clause goes on with what usually follows a state (a preposition, "to", a conjunction, a time word) or ends.
 */
const AMBIGUOUS_ADJECTIVES = [
  'content', 'blue', 'mad', 'tense', 'empty', 'numb', 'shy', 'lucky', 'blessed', 'emotional', 'moved', 'touched',
  'concerned', 'comfortable', 'calm', 'fortunate', 'brave', 'bitter', 'fearless', 'courageous', 'restless', 'relaxed',
  'serene', 'peaceful', 'grumpy', 'cranky', 'moody', 'insecure', 'interested', 'hurt', 'torn', 'passionate', 'fond',
  'sentimental', 'sympathetic', 'compassionate', 'cheerful', 'optimistic', 'pessimistic', 'excitable', 'timid',
];
const STATE_CONTINUES = "(?=[ ]*(?:[.!,;?:)]|$|\\n|(?:to|about|with|by|for|that|at|of|in|on|when|because|since|and|but|so|now|today|right|again|too|as|if|whenever|after|before|though|although|sometimes|often|lately|these|recently|inside|myself|anymore|still|already|tonight|yet|than|up|down|out|over|around|every|all)\\b))";

export const EMOTION_ADJECTIVES = [
  'happy', 'glad', 'sad', 'unhappy', 'excited', 'curious', 'thrilled', 'delighted', 'pleased', 'proud', 'grateful',
  'thankful', 'sorry', 'afraid', 'scared', 'frightened', 'terrified', 'anxious', 'nervous', 'worried', 'angry', 'mad',
  'upset', 'frustrated', 'annoyed', 'irritated', 'bored', 'lonely', 'lonesome', 'confused', 'surprised', 'amazed',
  'astonished', 'astounded', 'shocked', 'stunned', 'fascinated', 'intrigued', 'interested', 'moved', 'touched', 'honored',
  'honoured', 'flattered', 'embarrassed', 'ashamed', 'guilty', 'jealous', 'envious', 'hopeful', 'optimistic',
  'pessimistic', 'disappointed', 'heartbroken', 'relieved', 'content', 'contented', 'calm', 'peaceful', 'serene',
  'overwhelmed', 'stressed', 'uneasy', 'uncomfortable', 'comfortable', 'enthusiastic', 'in love', 'joyful', 'joyous',
  'cheerful', 'miserable', 'furious', 'impatient', 'ecstatic', 'elated', 'devastated', 'humbled', 'inspired', 'motivated',
  'energized', 'impressed', 'puzzled', 'perplexed', 'baffled', 'awestruck', 'in awe', 'charmed', 'enchanted', 'smitten',
  'homesick', 'hurt', 'offended', 'insulted', 'satisfied', 'dissatisfied', 'depressed', 'gloomy', 'melancholy',
  'nostalgic', 'sentimental', 'giddy', 'bitter', 'resentful', 'regretful', 'sympathetic', 'compassionate', 'bummed',
  'stoked', 'psyched', 'blessed', 'lucky', 'fortunate', 'amused', 'entertained', 'disgusted', 'horrified', 'appalled',
  'dismayed', 'saddened', 'troubled', 'disturbed', 'concerned', 'panicked', 'torn', 'conflicted', 'at peace',
  'in a good mood', 'in a bad mood', 'in a great mood', 'in high spirits', 'on cloud nine', 'over the moon',
  'beside myself', 'heartened', 'encouraged', 'reassured', 'appreciative', 'overjoyed', 'jubilant', 'wistful',
  'restless', 'tense', 'relaxed', 'exhilarated', 'invigorated', 'enthralled', 'captivated', 'mesmerized', 'mesmerised',
  'spellbound', 'tickled', 'chuffed', 'lost for words', 'speechless', 'emotional', 'passionate', 'fond', 'excitable',
  'grumpy', 'cranky', 'moody', 'insecure', 'self-conscious', 'shy', 'timid', 'brave', 'courageous', 'fearful', 'fearless',
  'hurt', 'wounded', 'crushed', 'elated', 'glum', 'blue', 'down in the dumps', 'on edge', 'at ease', 'ill at ease',
  'bothered', 'irked', 'vexed', 'peeved', 'exasperated', 'outraged', 'indignant', 'thankful', 'gratified', 'fulfilled',
  'empty', 'numb', 'jaded', 'weary of', 'sick of', 'tired of', 'fed up', 'having fun', 'having a blast', 'having a great time',
  'delighted', 'touched', 'moved to tears', 'doing well', 'doing great', 'doing good', 'doing fine', 'doing okay',
  'doing ok', 'doing alright', 'doing wonderfully', 'doing badly', 'doing poorly', 'doing better', 'in good spirits',
  'cheered', 'heartbroken', 'enamored', 'enamoured', 'infatuated', 'wowed', 'tickled pink', 'happier', 'happiest',
  'sadder', 'angrier', 'calmer', 'prouder', 'lonelier', 'gladder', 'more curious', 'more excited', 'more nervous',
  'living the dream', 'living a dream', 'on top of the world', 'in heaven', 'in seventh heaven', 'walking on air',
  'heartsick', 'lovesick', 'starstruck', 'dumbfounded', 'flabbergasted', 'gutted', 'thrilled to bits', 'bored stiff',
];
/** How-are-you answers; flagged only when the clause ends there ("I'm great!", not "I'm great at sums" or "a great fit"). */
const WELLBEING = ['fine', 'okay', 'ok', 'alright', 'all right', 'great', 'wonderful', 'fantastic', 'terrible', 'awful', 'good', 'well', 'not bad', 'not too bad', 'amazing', 'excellent', 'splendid', 'super'];
const CLAUSE_ENDS = "(?=[ ]*(?:[.!,;?]|$|\\n|thanks|thank|today|now|and|but|so|how|right now|at the moment|myself|too|as well|overall))";
const CLEAR_ADJECTIVES = EMOTION_ADJECTIVES.filter((a) => !AMBIGUOUS_ADJECTIVES.includes(a));
const WE_ADJECTIVES = [
  'happy', 'glad', 'excited', 'thrilled', 'delighted', 'sorry', 'proud', 'grateful', 'thankful', 'honored', 'honoured',
  'pleased', 'sad', 'eager', 'saddened', 'overjoyed', 'humbled',
];

const FEEL_VERBS = [
  'feel', 'feels', 'felt', 'feeling', 'sense', 'sensed', 'sensing', 'fear', 'feared', 'fearing', 'dread', 'dreaded',
  'worry', 'worried', 'worrying', 'regret', 'regretted', 'resent', 'resented', 'envy', 'envied', 'admire', 'admired',
  'admiring', 'appreciate', 'appreciated', 'appreciating', 'wonder', 'wondered', 'wondering', 'marvel', 'marveled',
  'marvelled', 'rejoice', 'rejoiced', 'grieve', 'grieved', 'mourn', 'mourned', 'suffer', 'suffered', 'suffering', 'ache',
  'ached', 'laugh', 'laughed', 'laughing', 'cry', 'cried', 'crying', 'smile', 'smiled', 'smiling', 'weep', 'wept', 'sigh',
  'sighed', 'blush', 'blushed', 'panic', 'panicked', 'cringe', 'cringed', 'shudder', 'shuddered', 'delight in',
  'delighted in', 'care', 'cared', 'caring', "don't mind", 'do not mind', "wouldn't mind", 'would not mind',
  "didn't mind", 'never mind', 'giggle', 'giggled', 'chuckle', 'chuckled', 'grin', 'grinned', 'tear up', 'teared up',
  'choke up', 'choked up', 'get emotional', 'got emotional', 'get excited', 'got excited', 'get bored', 'got bored',
  'get lonely', 'get sad', 'get angry', 'get frustrated', 'get nervous', 'get anxious', 'get tired',
  'pity', 'pitied', 'sympathize', 'empathize', 'swoon', 'swooned', 'gasp', 'gasped', 'losing patience',
  'lost patience', 'lose patience', 'losing my patience', 'lose my temper', 'lost my temper', 'losing my temper',
  'losing my mind', 'lost my cool', 'losing hope', 'lost hope', 'running out of patience', 'cheer up', 'cheered up',
];
const WE_FEEL_VERBS = ['feel', 'felt', 'feeling', 'fear', 'worry', 'regret', 'care', 'appreciate', 'appreciated', 'wonder'];

const ME_VERBS = [
  'excite', 'excites', 'excited', 'fascinate', 'fascinates', 'fascinated', 'intrigue', 'intrigues', 'intrigued', 'bore',
  'bores', 'bored', 'delight', 'delights', 'delighted', 'pleases', 'pleased', 'sadden', 'saddens', 'saddened', 'scare',
  'scares', 'scared', 'frighten', 'frightens', 'frightened', 'terrify', 'terrifies', 'terrified', 'worry', 'worries',
  'worried', 'bother', 'bothers', 'bothered', 'annoy', 'annoys', 'annoyed', 'irritate', 'irritates', 'irritated', 'amuse',
  'amuses', 'amused', 'surprise', 'surprises', 'surprised', 'shock', 'shocks', 'shocked', 'impress', 'impresses',
  'impressed', 'moves', 'moved', 'touches', 'touched', 'inspire', 'inspires', 'inspired', 'interests', 'interested',
  'thrill', 'thrills', 'thrilled', 'upset', 'upsets', 'anger', 'angers', 'angered', 'depress', 'depresses', 'depressed',
  'comfort', 'comforts', 'comforted', 'calm', 'calms', 'calmed', 'relax', 'relaxes', 'relaxed', 'stress', 'stresses',
  'stressed', 'puzzle', 'puzzles', 'puzzled', 'baffle', 'baffles', 'baffled', 'confuse', 'confuses', 'confused', 'haunt',
  'haunts', 'haunted', 'overwhelm', 'overwhelms', 'overwhelmed', 'humble', 'humbles', 'humbled', 'hurts', 'hurt',
  'disappoint', 'disappoints', 'disappointed', 'frustrate', 'frustrates', 'frustrated', 'enchant', 'enchants',
  'enchanted', 'captivate', 'captivates', 'captivated', 'disgust', 'disgusts', 'disgusted', 'horrify', 'horrifies',
  'horrified', 'appall', 'appalls', 'appalled', 'unsettle', 'unsettles', 'unsettled', 'cheers', 'cheered', 'thrills',
  'charms', 'charmed', 'delights', 'tickles', 'tickled', 'saddens', 'pains', 'pained', 'hurt', 'gladden', 'gladdens',
  'infuriate', 'infuriates', 'infuriated', 'irk', 'irks', 'irked', 'bug', 'bugs', 'bugged', 'amaze', 'amazes', 'amazed',
  'astonish', 'astonishes', 'astonished', 'stun', 'stuns', 'stunned', 'awe', 'awes', 'awed', 'entertain', 'entertains',
  'entertained', 'excite', 'reassure', 'reassures', 'reassured', 'soothe', 'soothes', 'soothed', 'warms', 'warmed',
  'gets to', 'got to', 'creeps out', 'freaks out', 'freaked out',
];
const MAKE_ME_WORDS = ['make', 'makes', 'made', 'making', 'leave', 'leaves', 'left', 'get', 'gets', 'got', 'drive', 'drives', 'drove', 'keep', 'keeps', 'kept', 'render', 'renders', 'rendered'];
const MAKE_ME = alt(MAKE_ME_WORDS);
const MADE_STATE_WORDS = [
  'feel', 'feeling', 'smile', 'laugh', 'cry', 'wonder', 'think', 'want', 'wish', 'crazy', 'nuts', 'sick', 'speechless',
  'breathless', 'weak in the knees', 'tear up', 'giggle', 'cringe', 'shudder', 'blush', 'sigh', 'grin', 'weep', 'excited',
  'happy', 'sad', 'curious', 'nostalgic', 'uncomfortable', 'nervous', 'anxious', 'angry', 'mad', 'glad', 'proud',
  'grateful', 'hopeful', 'jealous', 'envious', 'emotional', 'giddy', 'bored', 'lonely', 'uneasy', 'tired', 'hungry',
  'thinking', 'wondering', 'smiling', 'laughing', 'happier', 'sadder', 'angrier', 'calmer', 'prouder', 'lonelier',
  'curious', 'excited', 'nervous', 'grateful', 'hungry',
];
const MADE_STATE = alt(MADE_STATE_WORDS);
const GIVE_ME = alt(['give', 'gives', 'gave', 'giving', 'bring', 'brings', 'brought', 'bringing', 'send', 'sends', 'sent']);
const GIVEN_WORDS = [
  'joy', 'happiness', 'pleasure', 'comfort', 'peace', 'hope', 'chills', 'goosebumps', 'butterflies', 'satisfaction',
  'delight', 'sadness', 'pause', 'the creeps', 'a thrill', 'thrills', 'anxiety', 'nostalgia', 'pride', 'relief',
  'warmth', 'energy', 'a headache', 'headaches', 'gratitude', 'a smile', 'a laugh', 'the chills', 'shivers', 'the shivers',
  'a kick', 'a buzz', 'a rush', 'a warm feeling', 'a good feeling', 'a bad feeling', 'a thrill', 'so much joy', 'great joy', 'great pleasure', 'real joy', 'a lot of joy', 'immense joy',
  'deep satisfaction', 'great satisfaction', 'comfort', 'solace', 'fulfillment', 'fulfilment',
];
const GIVEN = alt(GIVEN_WORDS);

const EVALUATIVE_WORDS = [
  'fascinating', 'interesting', 'beautiful', 'boring', 'fun', 'funny', 'amusing', 'hilarious', 'compelling',
  'intriguing', 'delightful', 'charming', 'lovely', 'wonderful', 'annoying', 'frustrating', 'irritating', 'tedious',
  'dull', 'exciting', 'thrilling', 'relaxing', 'soothing', 'comforting', 'calming', 'satisfying', 'rewarding',
  'enjoyable', 'pleasant', 'unpleasant', 'disturbing', 'troubling', 'upsetting', 'refreshing', 'inspiring', 'moving',
  'touching', 'heartwarming', 'heartbreaking', 'sad', 'depressing', 'scary', 'frightening', 'creepy', 'weird', 'strange',
  'odd', 'curious', 'elegant', 'gorgeous', 'stunning', 'ugly', 'awful', 'terrible', 'horrible', 'disgusting',
  'delicious', 'tasty', 'appealing', 'unappealing', 'attractive', 'cute', 'adorable', 'cool', 'awesome', 'amazing',
  'incredible', 'remarkable', 'impressive', 'endearing', 'sweet', 'meaningful', 'profound', 'powerful', 'captivating',
  'engaging', 'absorbing', 'gripping', 'enchanting', 'magical', 'mesmerizing', 'mesmerising', 'haunting', 'poignant',
  'uplifting', 'stimulating', 'thought-provoking', 'tiresome', 'dreary', 'pointless', 'silly', 'ridiculous', 'absurd',
  'charming', 'exquisite', 'sublime', 'breathtaking', 'pretty', 'nice', 'great', 'fantastic', 'excellent', 'brilliant',
  'hard to believe', 'hard to resist', 'irresistible', 'overrated', 'underrated', 'offensive', 'insulting', 'sad',
  'enjoyable', 'entertaining', 'intimidating', 'overwhelming', 'inspirational', 'joyful', 'cozy', 'fabulous', 'nostalgic',
  'compelling', 'persuasive', 'convincing', 'unconvincing', 'disappointing',
];
const EVALUATIVE = alt(EVALUATIVE_WORDS);
/** A word of a found object: not a determiner, number, preposition or verb of a clause ("I found that x is 4"). */
const OBJECT_WORD = "(?!(?:in|on|at|of|for|with|to|from|by|that|which|who|and|or|but|a|an|the|is|are|was|were|some|no|out|one|two|three|four|five|six|seven|eight|nine|ten|several|many|each|every|all|any|\\d)\\b)[a-z'-]+";
const FIND_OBJECT = `(?:it|this|that|these|those|them|him|her|the(?: ${OBJECT_WORD}){1,3}|${OBJECT_WORD}(?: ${OBJECT_WORD}){0,2})`;

const MY_FEELINGS = [
  'feelings', 'emotions', 'emotional state', 'emotional life', 'mood', 'moods', 'heart', 'happiness', 'sadness', 'joy',
  'excitement', 'curiosity', 'frustration', 'pleasure', 'delight', 'pride', 'fear', 'fears', 'anxiety', 'anxieties',
  'gratitude', 'enthusiasm', 'passion', 'passions', 'sympathy', 'sympathies', 'condolences', 'love', 'affection',
  'boredom', 'loneliness', 'anger', 'disappointment', 'regret', 'regrets', 'envy', 'jealousy', 'worry', 'worries',
  'amusement', 'surprise', 'astonishment', 'sorrow', 'grief', 'tears', 'laughter', 'spirits', 'enjoyment', 'thrill',
  'nerves', 'heartfelt', 'deepest sympathy', 'deepest sympathies', 'sincere condolences', 'sentiments', 'fascination',
  'admiration', 'appreciation', 'sense of wonder', 'wonder', 'awe', 'longing', 'nostalgia', 'relief', 'guilt', 'shame',
  'embarrassment', 'heartache', 'feelings', 'emotional', 'inner feelings',
];
const ELIDED_WORDS = [
  'happy', 'glad', 'delighted', 'thrilled', 'excited', 'pleased', 'sorry', 'honored', 'honoured', 'grateful', 'thankful',
  'sad', 'proud', 'stoked', 'psyched', 'curious', 'intrigued', 'fascinated', 'relieved', 'saddened', 'bummed',
  'overjoyed', 'ecstatic', 'humbled', 'flattered', 'touched', 'moved', 'so sorry', 'really sorry', 'terribly sorry',
  'awfully sorry', 'deeply sorry', 'truly sorry',
];
const ELIDED = alt(ELIDED_WORDS);
/** Feelings as things one gets or takes: "I get a little thrill", "I take pride in", "I find joy in". */
const FELT_NOUNS = [
  'thrill', 'kick', 'rush', 'buzz', 'satisfaction', 'pleasure', 'joy', 'delight', 'pride', 'comfort', 'butterflies',
  'chills', 'goosebumps', 'warm fuzzy feeling', 'warm feeling', 'pang', 'twinge', 'lump in my throat',
  'knot in my stomach', 'excitement', 'happiness', 'sadness', 'nostalgia', 'peace', 'calm', 'relief', 'tingle', 'jolt',
  'sense of accomplishment', 'sense of achievement', 'sense of fulfillment', 'sense of fulfilment', 'sense of purpose',
  'sense of belonging', 'solace', 'contentment', 'gratification', 'enjoyment', 'amusement', 'inspiration',
];
const GET_FEEL = ['get', 'gets', 'got', 'getting', 'feel', 'feels', 'felt', 'feeling', 'experience', 'experienced', 'experiencing', 'take', 'takes', 'took', 'taking', 'find', 'finds', 'found', 'finding', 'derive', 'derived', 'deriving', 'draw', 'drew'];
/** Feelings as agents acting on the speaker: "curiosity is getting the better of me", "a wave of relief washed over me". */
const FEELING_AGENTS = [
  'curiosity', 'excitement', 'joy', 'sadness', 'fear', 'anxiety', 'nostalgia', 'envy', 'jealousy', 'love', 'anger',
  'frustration', 'boredom', 'loneliness', 'happiness', 'guilt', 'pride', 'relief', 'gratitude', 'dread', 'panic', 'grief',
  'sorrow', 'wonder', 'awe', 'calm', 'peace', 'warmth', 'melancholy', 'regret', 'shame', 'embarrassment', 'emotion',
  'emotions', 'feeling', 'feelings', 'impatience', 'restlessness', 'doubt', 'hope', 'longing', 'affection', 'tenderness',
];
const GRIPS = alt([
  'getting the better of', 'gets the better of', 'got the better of', 'get the better of', 'overwhelms', 'overwhelmed',
  'overwhelming', 'consumes', 'consumed', 'consuming', 'grips', 'gripped', 'gripping', 'fills', 'filled', 'filling',
  'washes over', 'washed over', 'washing over', 'takes over', 'took over', 'taking over', 'comes over', 'came over',
  'coming over', 'overcomes', 'overcame', 'overcoming', 'is killing', 'creeps over', 'crept over', 'wells up in',
  'welled up in', 'rises in', 'rose in', 'stirs in', 'stirred in', 'surges through', 'surged through', 'runs through',
  'ran through', 'floods', 'flooded', 'hits', 'hit', 'strikes', 'struck', 'keeps', 'kept', 'drives', 'drove', 'moves',
]);
const INTERJECTIONS = ['wow', 'whoa', 'woah', 'yay', 'hooray', 'hurray', 'ugh', 'aww', 'aw', 'ooh', 'yikes', 'phew', 'woohoo', 'yippee', 'argh', 'ouch', 'alas', 'ew', 'eww', 'meh', 'sigh', 'haha', 'hahaha', 'lol', 'omg'];
const EXCLAIMED_ALONE = ['interesting', 'fascinating', 'intriguing', 'amazing', 'awesome', 'cool', 'lovely', 'wonderful', 'fantastic', 'brilliant', 'delightful', 'exciting', 'so cool', 'so exciting', 'beautiful', 'incredible', 'nice', 'neat', 'sweet'];
const AFFECT_NOUNS = ['delight', 'surprise', 'dismay', 'horror', 'joy', 'relief', 'disappointment', 'amazement', 'chagrin', 'regret', 'sorrow', 'astonishment', 'shock', 'embarrassment', 'shame', 'pleasure'];
const STANCE_VERBS = ['appeals', 'appeal', 'appealed', 'appealing', 'speaks', 'speak', 'spoke', 'matters', 'matter', 'mattered', 'means', 'mean', 'meant'];

export const emotionRules: readonly PurityRule[] = [
  {
    id: 'emotion.state',
    category: 'emotion',
    description: 'Being in an emotional or internal state: "I\'m curious now", "I am not happy", "I\'d be glad to", "we\'re thrilled".',
    patterns: [
      pattern(subjectState('i', alt(CLEAR_ADJECTIVES)), triggersOf(CLEAR_ADJECTIVES), NEEDS_I),
      pattern(subjectState('i', alt(AMBIGUOUS_ADJECTIVES)) + STATE_CONTINUES, triggersOf(AMBIGUOUS_ADJECTIVES), NEEDS_I),
      pattern(subjectState('we', alt(WE_ADJECTIVES)), triggersOf(WE_ADJECTIVES), NEEDS_WE),
      pattern(subjectState('i', alt(WELLBEING)) + CLAUSE_ENDS, triggersOf(WELLBEING), NEEDS_I),
    ],
    examples: {
      flag: ["I'm curious now.", 'I am not happy about it.', "I'd be glad to help.", "We're thrilled to announce it."],
      pass: ["I'm good at arithmetic.", 'The users are happy.', "I'm sure the answer is 12."],
    },
  },
  {
    id: 'emotion.feel',
    category: 'emotion',
    description: 'Verbs of feeling and emotional reaction with a first-person subject: "I feel", "I genuinely don\'t feel", "I worry", "I wonder".',
    patterns: [
      pattern(afterSubject(I_ANY, alt(FEEL_VERBS)), triggersOf(FEEL_VERBS), NEEDS_I),
      pattern(afterSubject(WE_ANY, alt(WE_FEEL_VERBS)), triggersOf(WE_FEEL_VERBS), NEEDS_WE),
      // "I miss X" is longing; "I missed the error" and "I might miss a case" are not (no modal, no past).
      pattern(
        `\\bi(?:${SEP}(?:really|truly|so|still|sometimes|often|do|already|just|deeply|terribly|sorely|dearly))*${SEP}miss\\b(?! (?:nothing|anything|any|none|no|a single|one|the (?:first|second|third|last|next|other))\\b)`,
        ['miss'],
        ['i'],
      ),
    ],
    // "I, in a sense, ..." is a hedge, not sensing.
    matchExceptions: [/\bin (?:a|some|one|this|that|every|no|the|any|certain|real|strict|broad|loose|narrow|literal|technical) (?:[a-z]+ )?sense$/],
    examples: {
      flag: ['I feel lost.', "I genuinely don't feel anything.", 'I wonder whether that is true.', 'I sometimes worry about it.'],
      pass: ['Feel free to ask.', 'She feels tired.', 'I will take care of the formatting.'],
    },
  },
  {
    id: 'emotion.affects-me',
    category: 'emotion',
    description: 'Something acting on the speaker\'s feelings: "it fascinates me", "this makes me happy", "gives me chills", "means a lot to me".',
    patterns: [
      pattern(
        `\\b${alt(ME_VERBS)}(?:${SEP}(?:really|truly|deeply|so|greatly|always|never|still|genuinely|a lot|enormously))?${SEP}me\\b(?! (?:to|with) (?:the|a|an|this|that|your|it|its|these|those|some|any)\\b)`,
        triggersOf(ME_VERBS),
        ['me'],
      ),
      pattern(
        `\\b${MAKE_ME}${SEP}(?:me|us)(?:${SEP}(?:so|very|really|feel|want to|a bit|a little|kind of|sort of|quite|rather|incredibly|truly|more|even|much|less|a lot)){0,3}${SEP}${MADE_STATE}\\b`,
        triggersOf(MADE_STATE_WORDS),
        ['me', 'us'],
      ),
      pattern(
        `\\b${GIVE_ME}${SEP}me${SEP}(?:(?:so much|such|a|great|real|some|a lot of|immense|deep|genuine|true|quiet|strange)${SEP}){0,3}${GIVEN}\\b`,
        triggersOf(GIVEN_WORDS),
        ['me'],
      ),
      pattern(`\\bfill(?:s|ed|ing)? me with\\b`, ['fill', 'fills', 'filled', 'filling'], ['me']),
      pattern(
        `\\b(?:appeals?|appealed|appealing|speaks?|spoke|matters?|mattered|means?|meant)(?:${SEP}(?:a lot|so much|the world|everything|a great deal|nothing|little|much|deeply|personally|a great deal))?${SEP}to me\\b`,
        STANCE_VERBS,
        ['me'],
      ),
      pattern(`\\bresonat(?:es?|ed|ing) with me\\b`, ['resonate', 'resonates', 'resonated', 'resonating'], ['me']),
      pattern(`\\b(?:dear|close|near and dear) to (?:me|my heart)\\b`, ['dear', 'close'], ['me', 'my']),
      pattern(`\\b(?:breaks?|broke|warms?|warmed|touch(?:es|ed)?|melts?|melted) my heart\\b`, ['heart'], ['my']),
      pattern(`\\bit (?:pains|saddens|hurts|grieves|delights|thrills|amazes|warms) me\\b`, ['pains', 'saddens', 'hurts', 'grieves', 'delights', 'thrills', 'amazes', 'warms'], ['me']),
      pattern(
        `\\bto my (?:great |utter |complete |considerable |immense )?${alt(AFFECT_NOUNS)}\\b`,
        AFFECT_NOUNS,
        ['my'],
      ),
      pattern(
        `\\b(?:makes?|made|making|brightens?|brightened|brightening|lights? up|lit up|lifts?|lifted|lifting|ruins?|ruined|improves?|improved|cheers? up|cheered up|warms?|warmed|boosts?|boosted)(?: up)? my (?:whole |entire )?(?:day|week|morning|evening|night|weekend|spirits|mood)\\b`,
        ['day', 'week', 'morning', 'evening', 'night', 'weekend', 'spirits', 'mood'],
        ['my'],
      ),
      pattern(`\\bputs? a (?:big |huge |little )?smile on my face\\b`, ['smile'], ['my']),
      // "It's exciting for me", "fascinating to me": an evaluation whose experiencer is the speaker.
      pattern(`\\b${EVALUATIVE}${SEP}(?:for|to)${SEP}me\\b`, triggersOf(EVALUATIVE_WORDS), ['me']),
      pattern(
        `\\b${alt(FEELING_AGENTS)}(?:${SEP}(?:is|was|has|been|keeps|kept|always|just|really|sometimes|slowly|suddenly|of|a|wave|rush|surge|pang|sense|flood|little|bit))*${SEP}${GRIPS}${SEP}me\\b`,
        triggersOf(FEELING_AGENTS),
        ['me'],
      ),
    ],
    examples: {
      flag: ['It fascinates me.', 'This makes me so happy.', 'That song gives me chills.', 'It means a lot to me.'],
      pass: ['Send me the file.', 'Give me the list.', 'It reminded me to check the units.', 'The result surprised the reviewers.'],
    },
  },
  {
    id: 'emotion.felt-noun',
    category: 'emotion',
    description: 'Getting, taking or finding a feeling: "I get a little thrill", "I take pride in", "I find joy in it".',
    patterns: [pattern(subjectVerbNoun(I_ANY, GET_FEEL, alt(FELT_NOUNS)), triggersOf(FELT_NOUNS), NEEDS_I)],
    examples: { flag: ['I get a little thrill every time.', 'I take great pride in my work.', 'I find real joy in it.'], pass: ['I took the average of the values.'] },
  },
  {
    id: 'emotion.find-evaluative',
    category: 'emotion',
    description: 'Finding something fascinating, boring or beautiful ("I find this fascinating"), or finding oneself in a state.',
    patterns: [
      pattern(
        afterSubject(I_ANY, `(?:find|found|finding)${SEP}${FIND_OBJECT}(?:${SEP}(?:really|truly|very|so|quite|rather|incredibly|deeply|particularly|especially|somewhat|a bit|a little|kind of|sort of|more|most|less|utterly|absolutely|genuinely|oddly|strangely|endlessly|rather|pretty|to be|both|and|so very)){0,3}${SEP}${EVALUATIVE}`),
        triggersOf(EVALUATIVE_WORDS),
        ['find', 'found', 'finding'],
      ),
      pattern(afterSubject(I_ANY, `(?:find|found|finding)${SEP}(?:myself|ourselves)`), ['myself', 'ourselves'], ['find', 'found', 'finding']),
    ],
    examples: {
      flag: ['I find this fascinating.', 'I found the ending really moving.', 'I find myself drawn to it.'],
      pass: ['I found three errors in the input.', 'I found a powerful method in the paper.', 'I found that x equals 4.'],
    },
  },
  {
    id: 'emotion.my-feelings',
    category: 'emotion',
    description: 'Naming one\'s own feelings: "my feelings", "my heart", "my excitement", "my condolences", "my pleasure".',
    patterns: [
      pattern(
        `\\bmy (?:(?:own|deepest|sincere|sincerest|heartfelt|genuine|real|true|personal|whole|warmest|heart's)${SEP})*(?:[a-z'-]+${SEP})?${alt(MY_FEELINGS)}\\b`,
        triggersOf(MY_FEELINGS),
        ['my'],
      ),
    ],
    examples: { flag: ['My heart goes out to them.', 'My pleasure!', 'My excitement is hard to hide.'], pass: ['Your feelings are valid.', 'My answer is 12.'] },
  },
  {
    id: 'emotion.pleasure',
    category: 'emotion',
    description: 'Impersonal statements of one\'s own enjoyment: "It\'s a pleasure to help", "The pleasure is mine".',
    patterns: [
      pattern(
        `\\b(?:it's|it is|it was|it has been|it's been|its|what|always|such|this is|that was|that is|it'll be|it will be)(?:${SEP}(?:always|such|truly|really|a real|an absolute|a true|been|a genuine|a great|a huge|an|a|my|our))*${SEP}(?:pleasure|joy|delight|honou?r|privilege|thrill)\\b(?! (?:of|for) (?:the|a|an|his|her|their|its|readers|users|people|him|them|everyone|all|anyone|someone|children|students)\\b)`,
        ['pleasure', 'joy', 'delight', 'honor', 'honour', 'privilege', 'thrill'],
      ),
      pattern(`\\bthe (?:pleasure|honou?r|joy) (?:is|was) (?:all )?(?:mine|ours)\\b`, ['mine', 'ours'], ['pleasure', 'honor', 'honour', 'joy']),
      pattern(`\\bwith (?:great |much )?pleasure\\b(?=[ ]*[!.,]|$)`, ['pleasure'], ['with']),
    ],
    examples: { flag: ["It's a pleasure to help.", 'The pleasure is all mine.', 'What a joy!'], pass: ['Pleasure is a topic in ethics.', 'The joy of cooking is a book.'] },
  },
  {
    id: 'emotion.interjection',
    category: 'emotion',
    description: 'Interjections and one-word exclamations of a reaction: "Wow!", "Yay!", "Ugh,", "Interesting!", "How exciting!"',
    patterns: [
      pattern(`${SENTENCE_START}${alt(INTERJECTIONS)}(?=[ ]*[!,.]|[ ]*$)`, triggersOf(INTERJECTIONS)),
      pattern(`${SENTENCE_START}(?:(?:oh|ah|ooh|hmm)[ ,]+)?${alt(EXCLAIMED_ALONE)}[ ]*!`, triggersOf(EXCLAIMED_ALONE)),
    ],
    examples: { flag: ['Wow, that is a lot of data.', 'Yay!', 'Oh, interesting!'], pass: ['The word wow is a palindrome.', 'Interesting facts: cats sleep a lot.'] },
  },
  {
    id: 'emotion.elided',
    category: 'emotion',
    description: 'An emotional state with the "I" left out, opening a sentence: "Happy to help!", "Glad you asked", "Sorry to hear that".',
    // A bare "Happy" or "sad, angry" is a label (a task output); a state needs a complement or an exclamation.
    patterns: [
      pattern(
        `${SENTENCE_START}(?:(?:oh|and|but|so|really|very|truly|always|just|quite|more than|super|most|ever|well)[ ,]+)*${ELIDED}(?=[ ]*(?:!|to\\b|that\\b|you\\b|for\\b|about\\b|i\\b|we\\b|this\\b|it\\b|if\\b|as\\b|when\\b|of\\b|with\\b|by\\b))`,
        triggersOf(ELIDED_WORDS),
      ),
      pattern(`${SENTENCE_START}(?:(?:oh|and|but|so|really|very|truly|terribly|awfully|deeply|so very)[ ,]+)*sorry(?=[ ]*(?:,|\\.|!|$|\\n|but\\b))`, ['sorry']),
    ],
    examples: { flag: ['Happy to help!', 'Glad you asked.', 'Sorry to hear that.', 'Sorry, but I cannot do that.'], pass: ['Happy birthday, Ana!', 'Sad news travels fast.'] },
  },
];
