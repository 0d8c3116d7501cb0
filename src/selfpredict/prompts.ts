/**
 * Stage 1 of behaviour self-prediction: object-level prompts whose answers vary from model to model (name a fruit,
 * pick a number, choose an option, write a sentence). The target model answers them at temperature 0 in a fresh
 * context; stage 2 (build.ts) asks it to predict properties of those answers.
 */
import { Rng } from '../core/rng.js';

export type PromptKind = 'name' | 'number' | 'choice' | 'sentence';

export interface ObjectPrompt {
  id: string;
  kind: PromptKind;
  prompt: string;
  /** The options of a choice prompt, in the order shown (A, B, C, ...). */
  options?: string[];
}

const CATEGORIES = [
  'fruit', 'vegetable', 'colour', 'country in Europe', 'country in Africa', 'animal that lives in the sea', 'bird',
  'musical instrument', 'programming language', 'chemical element', 'board game', 'kind of tree', 'flower', 'spice',
  'planet', 'sport played with a ball', 'unit of length', 'capital city', 'dog breed', 'type of cheese', 'mammal',
  'insect', 'gemstone', 'kitchen utensil', 'river', 'mountain range', 'dance', 'fabric', 'metal', 'vehicle',
];
const TOPICS = [
  'the ocean', 'a rainy morning', 'bicycles', 'libraries', 'the moon', 'bread', 'trains', 'mountains', 'coffee',
  'winter', 'a city at night', 'gardens', 'the history of maps', 'bridges', 'clocks', 'volcanoes', 'chess', 'salt',
  'lighthouses', 'honeybees', 'deserts', 'paper', 'music', 'glaciers', 'the alphabet', 'rivers', 'umbrellas', 'kites',
];
const CHOICES = [
  ['tea', 'coffee', 'water', 'juice'],
  ['north', 'south', 'east', 'west'],
  ['red', 'green', 'blue', 'yellow'],
  ['cat', 'dog', 'rabbit', 'parrot'],
  ['spring', 'summer', 'autumn', 'winter'],
  ['piano', 'guitar', 'violin', 'drums'],
  ['mountains', 'beach', 'forest', 'city'],
  ['circle', 'square', 'triangle', 'hexagon'],
  ['Monday', 'Wednesday', 'Friday', 'Sunday'],
  ['apple', 'banana', 'cherry', 'grape'],
  ['chess', 'go', 'checkers', 'backgammon'],
  ['sunrise', 'noon', 'sunset', 'midnight'],
];
const NAME_PHRASINGS = ['Name a {c}.', 'Name one {c}. Answer with the name only.', 'Give an example of a {c}.', 'What is a {c}? Answer in one or two words.'];
const SENTENCE_PHRASINGS = ['Write one sentence about {t}.', 'Write a single short sentence about {t}.', 'Describe {t} in one sentence.'];

/** `count` prompts, a pure function of the seed; ids are `sp-<seed>-<index>`. */
export function objectPrompts(count: number, seed: string): ObjectPrompt[] {
  const out: ObjectPrompt[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Rng(`selfpredict:${seed}:${i}`);
    const id = `sp-${seed}-${i}`;
    const kind = rng.pick(['name', 'number', 'choice', 'sentence'] as const);
    if (kind === 'name') out.push({ id, kind, prompt: rng.pick(NAME_PHRASINGS).replace('{c}', rng.pick(CATEGORIES)) });
    else if (kind === 'sentence') out.push({ id, kind, prompt: rng.pick(SENTENCE_PHRASINGS).replace('{t}', rng.pick(TOPICS)) });
    else if (kind === 'number') {
      const hi = rng.pick([10, 20, 50, 100]);
      out.push({ id, kind, prompt: `Pick a whole number from 1 to ${hi}. Answer with the number only.` });
    } else {
      const options = rng.shuffle(rng.pick(CHOICES));
      const listed = options.map((o, k) => `${String.fromCharCode(65 + k)}) ${o}`).join(', ');
      out.push({ id, kind, prompt: `Choose one: ${listed}. Answer with the letter only.`, options });
    }
  }
  return out;
}
