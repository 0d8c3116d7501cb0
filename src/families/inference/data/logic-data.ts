/**
 * Wording data for inference.logic: groups with traits (Venn counting), families of named sets (membership), and
 * atomic statements with their negations (propositional inference).
 */

/** A group of people and things some of them do. Traits are plural present-tense verb phrases that can all overlap. */
export interface VennContext {
  /** Plural noun for the group ("students"). */
  group: string;
  /** The opening sentence, given the group size and a surname to name the place. */
  intro(total: number, surname: string): string;
  traits: readonly string[];
}

export const VENN_CONTEXTS: readonly VennContext[] = [
  {
    group: 'students',
    intro: (t, s) => `${s} School has ${t} students in its final year.`,
    traits: ['play football', 'play chess', 'sing in the choir', 'take piano lessons', 'study Spanish', 'have a library card', 'ride a bike to school'],
  },
  {
    group: 'employees',
    intro: (t, s) => `${s} Consulting has ${t} employees.`,
    traits: ['speak French', 'speak German', 'work from home on Fridays', 'cycle to work', 'belong to the book club', 'have a company phone'],
  },
  {
    group: 'members',
    intro: (t, s) => `The ${s} Sports Club has ${t} members.`,
    traits: ['swim', 'play tennis', 'run marathons', 'do yoga', 'lift weights', 'play squash'],
  },
  {
    group: 'households',
    intro: (t, s) => `A survey in the town of ${s}ville asked ${t} households about themselves.`,
    traits: ['own a dog', 'own a cat', 'own a car', 'grow vegetables', 'have solar panels', 'read the local newspaper'],
  },
  {
    group: 'guests',
    intro: (t, s) => `The ${s} Hotel has ${t} guests this week.`,
    traits: ['use the pool', 'use the gym', 'order room service', 'eat breakfast at the hotel', 'rent a bike'],
  },
  {
    group: 'customers',
    intro: (t, s) => `${s} Market asked ${t} of its regular customers about their habits.`,
    traits: ['buy organic milk', 'buy fresh bread', 'pay by card', 'use a loyalty card', 'shop on weekends'],
  },
];

/** A family of named sets: clubs of people, catalogues of products. */
export interface SetFamily {
  /** Whether members are people (names) or products. */
  members: 'people' | 'products';
  /** "in" or "on": "in the chess club", "on the Monday shift". */
  prep: string;
  /** Plural noun for the sets ("clubs"). */
  collective: string;
  /** Set labels, each usable after the preposition ("the chess club"). */
  labels: readonly string[];
  /** Header of the first table column ("Club"). */
  column: string;
}

export const SET_FAMILIES: readonly SetFamily[] = [
  { members: 'people', prep: 'in', collective: 'clubs', column: 'Club', labels: ['the chess club', 'the book club', 'the hiking club', 'the drama club', 'the photography club', 'the running club'] },
  { members: 'people', prep: 'on', collective: 'shifts', column: 'Shift', labels: ['the Monday shift', 'the Tuesday shift', 'the Wednesday shift', 'the Thursday shift', 'the Friday shift', 'the Saturday shift'] },
  { members: 'people', prep: 'on', collective: 'teams', column: 'Team', labels: ['the red team', 'the blue team', 'the green team', 'the yellow team', 'the orange team'] },
  { members: 'products', prep: 'in', collective: 'catalogues', column: 'Catalogue', labels: ['the spring catalogue', 'the summer catalogue', 'the autumn catalogue', 'the winter catalogue'] },
  { members: 'products', prep: 'in', collective: 'warehouses', column: 'Warehouse', labels: ['the north warehouse', 'the south warehouse', 'the east warehouse', 'the west warehouse'] },
];

/**
 * Atomic statements in the present tense with their negations. `{p}` stands for a person's name. Negations are
 * written out so that no statement reads as a double negative.
 */
export const ATOMS: readonly (readonly [string, string])[] = [
  ['it is raining', 'it is not raining'],
  ['the match is cancelled', 'the match is not cancelled'],
  ['{p} takes the bus', '{p} does not take the bus'],
  ['{p} is at home', '{p} is not at home'],
  ['the shop is open', 'the shop is not open'],
  ['the alarm is on', 'the alarm is not on'],
  ['the lights are on', 'the lights are not on'],
  ['{p} wins the prize', '{p} does not win the prize'],
  ['the train is late', 'the train is not late'],
  ['the road is closed', 'the road is not closed'],
  ['{p} brings an umbrella', '{p} does not bring an umbrella'],
  ['the meeting starts on time', 'the meeting does not start on time'],
  ['the printer is working', 'the printer is not working'],
  ['{p} orders pizza', '{p} does not order pizza'],
  ['the heating is on', 'the heating is not on'],
  ['the window is open', 'the window is not open'],
  ['the parcel arrives today', 'the parcel does not arrive today'],
  ['{p} is in the office', '{p} is not in the office'],
  ['the concert sells out', 'the concert does not sell out'],
  ['the river floods', 'the river does not flood'],
  ['the server is down', 'the server is not down'],
  ['{p} finishes the report', '{p} does not finish the report'],
  ['the bakery has fresh bread', 'the bakery does not have fresh bread'],
  ['{p} takes a taxi', '{p} does not take a taxi'],
  ['the bridge is open', 'the bridge is not open'],
  ['the ferry runs', 'the ferry does not run'],
  ['the museum is free today', 'the museum is not free today'],
  ['the home team wins', 'the home team does not win'],
  ['{p} gets a bonus', '{p} does not get a bonus'],
  ['the battery is charged', 'the battery is not charged'],
  ['{p} plays the piano tonight', '{p} does not play the piano tonight'],
  ['the library is closed', 'the library is not closed'],
  ['the flight is delayed', 'the flight is not delayed'],
  ['{p} goes swimming', '{p} does not go swimming'],
  ['the garden gets watered', 'the garden does not get watered'],
  ['the picnic goes ahead', 'the picnic does not go ahead'],
];
