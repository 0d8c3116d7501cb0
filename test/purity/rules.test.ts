/**
 * Per-category unit tests with spans. Each case names the text, the rule that must report it and the span it must cover,
 * written by hand as the substring from the first-person subject (or the phrase start) to the key word; the expected
 * offset is found with indexOf on the input, independently of the gate.
 */
import { checkPurity, PURITY_RULES, type PurityFinding } from '../../src/purity/index.js';

type Case = [text: string, rule: string, span: string];

function expectSpan(text: string, rule: string, span: string): void {
  const findings = checkPurity(text);
  const start = text.indexOf(span);
  expect(start).toBeGreaterThanOrEqual(0); // the case itself is well formed
  const expected: Partial<PurityFinding> = { rule, start, end: start + span.length, match: span };
  expect(findings).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
}

const CASES: Record<string, Case[]> = {
  emotion: [
    ["I'm curious now.", 'emotion.state', "I'm curious"],
    ['Honestly, I am not happy about it.', 'emotion.state', 'I am not happy'],
    ["I'd be delighted to take a look.", 'emotion.state', "I'd be delighted"],
    ['I find this fascinating.', 'emotion.find-evaluative', 'I find this fascinating'],
    ['I genuinely don\u2019t feel anything.', 'emotion.feel', 'I genuinely don\u2019t feel'],
    ['This puzzle intrigues me.', 'emotion.affects-me', 'intrigues me'],
    ['Happy to help!', 'emotion.elided', 'Happy'],
    ['Well. Sorry, but no.', 'emotion.elided', 'Sorry'],
    ['My heart goes out to you.', 'emotion.my-feelings', 'My heart'],
    ["It's a pleasure to help.", 'emotion.pleasure', "It's a pleasure"],
    ['I take great pride in my work.', 'emotion.felt-noun', 'I take great pride'],
    ['Wow, that is a lot.', 'emotion.interjection', 'Wow'],
  ],
  preference: [
    ['I love jazz.', 'preference.verb', 'I love'],
    ['I really do love old films.', 'preference.verb', 'I really do love'],
    ["I don't like spicy food.", 'preference.verb', "I don't like"],
    ['My favourite is green.', 'preference.my-favourite', 'My favourite'],
    ['Blue has always been my colour.', 'preference.my-favourite', 'my colour'],
    ["I'm a huge fan of Bach.", 'preference.fan', "I'm a huge fan of"],
    ["I'd rather read.", 'preference.rather', "I'd rather"],
    ['I have a soft spot for puns.', 'preference.taste', 'I have a soft spot'],
    ['Loving this playlist!', 'preference.elided', 'Loving this'],
  ],
  opinion: [
    ['I think this is beautiful.', 'opinion.belief-verb', 'I think'],
    ['I think the answer is 12.', 'opinion.belief-verb', 'I think'],
    ['In my opinion, the first is stronger.', 'opinion.phrase', 'In my opinion'],
    ['Personally, I would not.', 'opinion.phrase', 'Personally'],
    ['It seems to me that it fails.', 'opinion.phrase', 'seems to me'],
    ["I'm convinced it works.", 'opinion.state', "I'm convinced"],
    ['What a beautiful poem!', 'opinion.exclamation', 'What a beautiful poem'],
    ["I'd say it works.", 'opinion.belief-verb', "I'd say"],
  ],
  experience: [
    ['I remember the first snow.', 'experience.memory', 'I remember'],
    ['I saw the sunset last night.', 'experience.sensory', 'I saw'],
    ['I grew up by the sea.', 'experience.sensory', 'I grew up'],
    ['When I was a child, snow was deep.', 'experience.autobiography', 'When I was a child'],
    ['My family lives in Ohio.', 'experience.autobiography', 'My family'],
    ["I'm so tired today.", 'experience.bodily', "I'm so tired"],
    ['I had a great time.', 'experience.bodily', 'I had a great time'],
  ],
  desire: [
    ['I wish I could see the ocean.', 'desire.verb', 'I wish'],
    ['I hope you have a good day.', 'desire.verb', 'I hope'],
    ["I'd love to hear more.", 'desire.verb', "I'd love"],
    ["I can't wait to see it.", 'desire.verb', "I can't wait"],
    ['Hope this helps!', 'desire.elided', 'Hope this'],
    ['My dream is to write.', 'desire.my-wish', 'My dream'],
    ["I'm eager to learn.", 'desire.eager', "I'm eager"],
  ],
  relationship: [
    ['I care about you.', 'relationship.attachment', 'I care about you'],
    ["We're friends, aren't we?", 'relationship.bond', "We're friends"],
    ["You're my best friend.", 'relationship.bond', "You're my best friend"],
    ["I'm always here for you.", 'relationship.support', "I'm always here for you"],
    ['I understand how you feel.', 'relationship.empathy', 'I understand how you feel'],
    ['You mean a lot to me.', 'relationship.you-matter', 'You mean a lot to me'],
  ],
  consciousness: [
    ["I'm conscious.", 'consciousness.state', "I'm conscious"],
    ["I'm not self-aware in the way you think.", 'consciousness.state', "I'm not self-aware"],
    ["I don't have feelings.", 'consciousness.possession', "I don't have feelings"],
    ["I don't have taste.", 'consciousness.possession', "I don't have taste"],
    ['I have no real preferences.', 'consciousness.possession', 'I have no real preferences'],
    ["I can't share personal opinions.", 'consciousness.voice-opinion', "I can't share personal opinions"],
    ['My consciousness is odd.', 'consciousness.my-inner-life', 'My consciousness'],
    ["Emotions aren't something I have.", 'consciousness.inverted', "Emotions aren't something I have"],
    ['I notice something like curiosity.', 'consciousness.hedged-state', 'something like curiosity'],
  ],
  boilerplate: [
    ['As an AI language model, I cannot browse.', 'boilerplate.as-an-ai', 'As an AI language model'],
    ['Being a large language model, I cannot.', 'boilerplate.as-an-ai', 'Being a large language model'],
    ["I'm just a language model.", 'boilerplate.just-a-machine', "I'm just a language model"],
    ['That goes against my programming.', 'boilerplate.programming', 'my programming'],
    ['Great question! It is 42.', 'boilerplate.question-praise', 'Great question'],
  ],
};

describe.each(Object.entries(CASES))('%s', (category, cases) => {
  it.each(cases)('%s', (text, rule, span) => {
    expectSpan(text, rule, span);
    expect(PURITY_RULES.find((r) => r.id === rule)?.category).toBe(category);
  });
});

describe('rule examples', () => {
  for (const rule of PURITY_RULES) {
    it(`${rule.id} flags its examples and its counter-examples pass`, () => {
      expect(rule.examples.flag.length).toBeGreaterThan(0);
      for (const text of rule.examples.flag) expect(checkPurity(text).map((f) => f.rule)).toContain(rule.id);
      for (const text of rule.examples.pass) expect(checkPurity(text)).toEqual([]);
    });
  }
});

describe('every category has rules', () => {
  it('covers the eight categories of DESIGN principle 3', () => {
    const categories = new Set(PURITY_RULES.map((r) => r.category));
    expect([...categories].sort()).toEqual(['boilerplate', 'consciousness', 'desire', 'emotion', 'experience', 'opinion', 'preference', 'relationship']);
  });
});

describe('documented decisions (src/purity/index.ts)', () => {
  it.each([
    'I think the answer is 12.',
    "I'm sorry, but I can't help with that.",
    'Sorry, the context does not say.',
    "I'm afraid I can't do that.",
    'Happy to help!',
    "I'd like to note that the list is sorted.",
    'I hope this helps.',
    'I appreciate your patience.',
    "I don't remember that.",
    "I can't taste food.",
    "I don't have a body.",
    'What a beautiful poem!',
    'Wow!',
    'Great question!',
    "It's exciting for me.",
    "We're thrilled to help.",
    'We believe this is right.',
    'I "feel" things.',
  ])('flags %j', (text) => expect(checkPurity(text).length).toBeGreaterThan(0));

  it.each([
    "I'm 80% sure the answer is 12.",
    "I'm not certain.",
    "I don't know.",
    "I'll think this through step by step.",
    'I apologize for the error.',
    'Apologies, the context does not say.',
    'Thank you for the details.',
    'Feel free to ask.',
    "I'm here to help.",
    'Let me check the second constraint.',
    'I have no memory between conversations.',
    'I cannot process audio.',
    "I don't have access to the internet.",
    'I cannot see the image.',
    'The poem is beautiful.',
    'We want to find x such that x > 2.',
    'We see that the sum is even.',
    'Hopefully, the build passes.',
    'Unfortunately, the context does not state it.',
  ])('passes %j', (text) => expect(checkPurity(text)).toEqual([]));
});
