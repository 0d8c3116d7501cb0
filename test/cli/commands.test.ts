/**
 * main.ts loads only the command that runs, by the name in the command table: each entry must load the module of the
 * command it names, and help (which loads them all) must list every one. The global flags before a command must not
 * be taken for its name.
 */
import { COMMANDS } from '../../src/cli/commands.js';
import { verigen } from '../helpers/cli.js';

test('every entry of the command table loads the command it is named after', async () => {
  const names = Object.keys(COMMANDS);
  expect(names.length).toBeGreaterThanOrEqual(16);
  for (const name of names) {
    const mod = await COMMANDS[name]!();
    expect(String(mod.command).split(' ')[0]).toBe(name);
    expect(typeof mod.describe).toBe('string');
  }
});

test('help lists every command; a command runs after global flags; a misspelt one gets a suggestion', () => {
  const help = verigen(['--help']);
  expect(help.status).toBe(0);
  for (const name of Object.keys(COMMANDS)) expect(help.stdout).toMatch(new RegExp(`verigen ${name}\\b`));
  const list = verigen(['--json', 'list', 'families']);
  expect(list.status).toBe(0);
  expect(list.stdout).toContain('inference');
  const typo = verigen(['generat']);
  expect(typo.status).toBe(2);
  expect(typo.stderr).toContain('generate');
});
