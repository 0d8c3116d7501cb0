/** What `verigen list` shows, as data the library can return too. */
import { generatorId } from './generator.js';
import { GENERATORS, registeredFamilies } from './registry.js';
import { loadTemplateSet } from './render.js';
import { listProfiles, loadProfile } from '../profiles/load.js';

export const LISTABLE = ['families', 'generators', 'templates', 'profiles'] as const;
export type Listable = (typeof LISTABLE)[number];

export interface ListRow {
  name: string;
  description?: string;
}

export function listing(what: Listable): ListRow[] {
  switch (what) {
    case 'families':
      return registeredFamilies().map((f) => ({ name: f, description: `${GENERATORS.filter((g) => g.family === f).length} generator(s)` }));
    case 'generators':
      return GENERATORS.map((g) => ({ name: generatorId(g), description: g.description }));
    case 'templates':
      return GENERATORS.flatMap((g) => loadTemplateSet(g.family, g.name).ids.map((id) => ({ name: id })));
    case 'profiles':
      return listProfiles().map((name) => {
        const p = loadProfile(name);
        return { name, description: `${p.identity.display_name?.value ?? name}${p.tokenizer?.file ? '' : ' (no tokenizer file: no token questions)'}` };
      });
  }
}
