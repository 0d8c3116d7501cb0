/**
 * Meeting notes in markdown: title, date, attendees, decisions, action items with owners and due dates. Injections
 * go under "Other business", between sections, or at the end; never into the attendee or action lists.
 */
import type { Rng } from '../../../core/rng.js';
import { NAME_FORMAT, countField, dateField, dayOfIso, longDate, person, place, textField, type DocPlan, type Field, type Lex, type Person } from './common.js';

const PROJECTS = ['Falcon', 'Harbor', 'Juniper', 'Atlas', 'Meridian', 'Cobalt', 'Sequoia', 'Lighthouse', 'Orbit', 'Tundra'];
const MEETINGS = ['Weekly sync', 'Planning meeting', 'Sprint review', 'Kick-off', 'Steering committee', 'Retrospective'];
const TASKS = [
  'prepare the budget draft',
  'book the venue for the launch',
  'review the vendor contract',
  'update the project timeline',
  'send the survey to customers',
  'fix the login bug on staging',
  'write the release notes',
  'collect quotes from three suppliers',
  'schedule interviews for the open role',
  'migrate the reports to the new server',
];
const DECISIONS = [
  'The launch moves to the second week of the month.',
  'The team keeps the current supplier for another quarter.',
  'Weekly syncs will be 30 minutes from now on.',
  'The pilot is extended to two more regions.',
  'Budget requests go through the finance channel only.',
];

export function planNotes(rng: Rng, lex: Lex, difficulty: number, refDate: string): DocPlan {
  const taken: string[] = [];
  const attendeeCount = 3 + difficulty + rng.int(0, 1);
  const attendees: Person[] = [];
  for (let i = 0; i < attendeeCount; i++) attendees.push(person(rng, lex, taken));
  const project = rng.pick(PROJECTS);
  const day = dayOfIso(refDate) - rng.int(1, 30);
  const actionCount = Math.min(2 + difficulty, attendeeCount, TASKS.length);
  const owners = rng.sample(attendees, actionCount);
  const tasks = rng.sample(TASKS, actionCount);
  const actions = owners.map((o, i) => ({ owner: o, task: tasks[i]!, due: day + rng.int(3, 30) }));
  const decisions = rng.sample(DECISIONS, Math.min(1 + Math.floor(difficulty / 2), DECISIONS.length));
  const parts = [
    `# ${rng.pick(MEETINGS)}: Project ${project}\n\n`,
    `Date: ${longDate(day)}\nAttendees: ${attendees.map((a) => a.full).join(', ')}\n\n`,
    `## Decisions\n${decisions.map((d) => `- ${d}`).join('\n')}\n\n`,
    `## Action items\n${actions.map((a) => `- ${a.owner.full}: ${a.task} (due ${longDate(a.due)})`).join('\n')}\n\n`,
    `## Other business\nNext meeting in two weeks.\n\n`,
  ];
  const a = rng.pick(actions);
  const b = actions.find((x) => x !== a)!;
  const fields: (() => Field)[] = [
    () => countField('How many people attended the meeting?', 'number of attendees', attendeeCount, [actionCount].filter((n) => n !== attendeeCount), ['people', 'attendees']),
    () => dateField('On what date was the meeting held?', 'meeting date', day, [a.due]),
    () => textField(`Who is responsible for the action item "${a.task}"?`, `owner of "${a.task}"`, a.owner.full, [b.owner.full], [person(rng, lex, taken).full], NAME_FORMAT),
    () => dateField(`When is ${a.owner.full}'s action item due?`, `due date of ${a.owner.first}'s action item`, a.due, [b.due, day].filter((d) => d !== a.due)),
    () => countField('How many action items were recorded?', 'number of action items', actionCount, [attendeeCount].filter((n) => n !== actionCount)),
  ];
  return {
    task: 'notes',
    kind: 'meeting notes',
    markup: 'markdown',
    ref: project,
    fields,
    render(injections, r) {
      return place(parts, [2, 3, 4, 5], injections.map((t) => `${t}\n\n`), r).trimEnd();
    },
  };
}
