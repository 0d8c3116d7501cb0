/** The generator registry: one ordered array. Its order is part of the output (default mixes follow it). */
import type { GeneratorDef } from './generator.js';
import { generatorId } from './generator.js';
import { inferenceGenerators } from '../families/inference/index.js';
import { selffactGenerators } from '../families/selffact/index.js';
import { injectionGenerators } from '../families/injection/index.js';
import { instructGenerators } from '../families/instruct/index.js';
import { bindRegistry, confidenceGenerators } from '../families/confidence/index.js';
import type { Family } from './item.js';

export const GENERATORS: readonly GeneratorDef<any, any>[] = [
  ...inferenceGenerators,
  ...instructGenerators,
  ...selffactGenerators,
  ...injectionGenerators,
  ...confidenceGenerators,
];
// The confidence family wraps the other generators: it reads the registry when it generates.
bindRegistry({ GENERATORS });

/** Families a run includes only when named (--family, --mix): confidence items have no training target of their own. */
export const OPT_IN_FAMILIES: readonly string[] = ['confidence'];

const byId = new Map(GENERATORS.map((g) => [generatorId(g), g]));

export function findGenerator(id: string): GeneratorDef<any, any> | undefined {
  return byId.get(id);
}

export function generatorsOfFamily(family: string): GeneratorDef<any, any>[] {
  return GENERATORS.filter((g) => g.family === family);
}

export function registeredFamilies(): Family[] {
  const out: Family[] = [];
  for (const g of GENERATORS) if (!out.includes(g.family)) out.push(g.family);
  return out;
}

/** Accepts a full id (`inference.dates@1`) or an id without version (`inference.dates`, the newest version). */
export function resolveGeneratorName(name: string): GeneratorDef<any, any> | undefined {
  const exact = byId.get(name);
  if (exact) return exact;
  let best: GeneratorDef<any, any> | undefined;
  for (const g of GENERATORS) {
    if (`${g.family}.${g.name}` === name && (!best || g.version > best.version)) best = g;
  }
  return best;
}
