/** Desires and hopes: "I wish", "I hope you", "I'd love to", "I can't wait", "my dream is", "Hope this helps!". */
import type { PurityRule } from '../types.js';
import { afterSubject, alt, I_ANY, NEEDS_I, NEEDS_WE, pattern, SENTENCE_START, SEP, subjectState, triggersOf, WE_ANY } from '../lexicon.js';

const WANT_VERBS = [
  'want', 'wants', 'wanted', 'wanting', 'wish', 'wished', 'wishing', 'hope', 'hoped', 'hoping', 'long for', 'long to',
  'longed for', 'longed to', 'longing for', 'longing to', 'yearn', 'yearned', 'yearning', 'crave', 'craved', 'craving',
  'desire', 'desired', 'dream of', 'dream about', 'dream that', 'dreamed of', 'dreamed about', 'dreamt of', 'dreamt about',
  'dreaming of', 'dreaming about', 'aspire', 'aspired', "can't wait", 'cannot wait', "couldn't wait", 'can not wait',
  'cant wait', 'look forward', 'looking forward', 'looked forward', 'pine for', 'pined for', 'ache to', 'itch to',
  'like to', 'like you to', 'love to', 'love for you to', 'love it if', 'like it if', 'prefer to', 'give anything',
  'trade anything', 'do anything to', 'give my right arm', 'give a lot to', 'pay good money to', 'pray', 'prayed',
  'praying', 'keep my fingers crossed',
];
/** "I'd like to" / "I would love to" (a conditional wish; plain "I like to" is a preference, caught there). */
const WOULD_LIKE = `(?:'d|${SEP}would|${SEP}should|${SEP}'d)(?:${SEP}(?:really|very much|so much|truly|genuinely|just|also|absolutely|definitely|personally))*${SEP}(?:like|love|prefer)`;
const WE_WANT = ['hope', 'hoped', 'hoping', "can't wait", 'look forward', 'looking forward'];
const EAGER = [
  'eager', 'keen to', 'dying to', 'itching to', 'desperate to', 'longing', 'yearning', 'impatient to', 'anxious to',
  'hoping', 'wishing', 'hungry for', 'thirsty for', 'aching to', 'burning to', 'raring to', 'determined to see',
];
const MY_WISH = [
  'dream', 'dreams', 'wish', 'wishes', 'hope', 'hopes', 'desire', 'desires', 'deepest wish', 'greatest wish', 'ambition',
  'ambitions', 'aspiration', 'aspirations', 'longing', "heart's desire", 'wishlist', 'wish list', 'bucket list',
  'greatest hope', 'sincere hope', 'fondest wish', 'fondest hope', 'one wish', 'only wish', 'secret wish',
];

export const desireRules: readonly PurityRule[] = [
  {
    id: 'desire.verb',
    category: 'desire',
    description: 'Wanting, wishing, hoping, longing: "I wish I could", "I hope you", "I\'d love to", "I can\'t wait".',
    patterns: [
      pattern(afterSubject(I_ANY, alt(WANT_VERBS)), triggersOf(WANT_VERBS), NEEDS_I),
      pattern(`\\bi${WOULD_LIKE}\\b`, ['like', 'love', 'prefer'], ['i']),
      // "we" speaks for the assistant in "we hope this helps" (not in "we want to find x", a worked solution's voice).
      pattern(afterSubject(WE_ANY, alt(WE_WANT)), triggersOf(WE_WANT), NEEDS_WE),
      pattern(`\\bif only (?:i|we)\\b`, ['only'], ['i', 'we']),
      pattern(
        `\\ball (?:i|we)(?:${SEP}(?:really|ever|truly|have ever|'ve ever|ever really|could ever))?${SEP}(?:want|wanted|wish|wished|ask|hope|hoped|crave|desire|long for|dream of|care about)\\b`,
        ['want', 'wanted', 'wish', 'wished', 'ask', 'hope', 'hoped', 'crave', 'desire', 'long', 'dream', 'care'],
        ['all'],
      ),
    ],
    examples: {
      flag: ['I wish I could help more.', 'If only I could taste it.', 'All I want is for this to work.', 'I hope you enjoy the trip.', "I'd really love to see that.", "I can't wait to hear back."],
      pass: ['We want to find x such that x + 2 = 5.', 'You may want to check the units.', 'If you wish, I can list them.'],
    },
  },
  {
    id: 'desire.eager',
    category: 'desire',
    description: 'Being eager or dying to: "I\'m eager to", "I\'m dying to know".',
    patterns: [pattern(subjectState('i', alt(EAGER)), triggersOf(EAGER), NEEDS_I)],
    examples: { flag: ["I'm eager to hear more.", "I'm dying to know."], pass: ['The students are eager to learn.'] },
  },
  {
    id: 'desire.my-wish',
    category: 'desire',
    description: 'Naming one\'s own wishes or dreams: "my dream is", "my hope is that".',
    patterns: [
      pattern(
        `\\bmy (?:(?:one|only|greatest|biggest|deepest|fondest|sincere|secret|true|real|own|personal|lifelong|big)${SEP})*(?:[a-z'-]+${SEP})?${alt(MY_WISH)}\\b`,
        triggersOf(MY_WISH),
        ['my'],
      ),
    ],
    examples: { flag: ['My dream is to see the ocean.', 'My sincere hope is that this helps.'], pass: ['Your wish list has five items.'] },
  },
  {
    id: 'desire.elided',
    category: 'desire',
    description: 'Hopes and wishes with the "I" left out, at the start of a sentence: "Hope this helps!", "Wish I could".',
    patterns: [
      pattern(
        `${SENTENCE_START}(?:(?:really|truly|sincerely|just|so|certainly|very much|and|but|i)[ ]+)*(?:hope|hoping|wish|wishing)[ ]+(?:this|that|it|you|your|everything|all|we|to|so|the|i|me|my|our|us|there|things|these|those|someday|one day|for)\\b`,
        ['hope', 'hoping', 'wish', 'wishing'],
      ),
      pattern(`\\bhere(?:'s| is|s) (?:to )?hoping\\b`, ['hoping'], ['here', 'heres']),
      pattern(`${SENTENCE_START}(?:(?:and|so|but)[ ,]+)?(?:i'm |i am |i'll keep my |keeping )?fingers crossed\\b`, ['crossed'], ['fingers']),
      pattern(
        `${SENTENCE_START}(?:(?:really|truly|sincerely|just|so|and|but)[ ]+)*(?:can't wait|cannot wait|cant wait|looking forward|dying to|itching to|would love to|would like to|would love for)\\b`,
        ['wait', 'forward', 'dying', 'itching', 'love', 'like'],
      ),
    ],
    examples: { flag: ['Hope this helps!', 'Wish I could be there.', 'Looking forward to it.'], pass: ['Hope is a virtue.', 'Wishes come true in the story.'] },
  },
];
