/** The inference family's generators, in registry order (append only: the order decides default mixes). */
import type { GeneratorDef } from '../../core/generator.js';
import { arithmetic } from './arithmetic.js';
import { dates } from './dates.js';
import { extract } from './extract.js';
import { logic } from './logic.js';
import { ordering } from './ordering.js';
import { percentages } from './percentages.js';
import { sorting } from './sorting.js';
import { strings } from './strings.js';
import { table } from './table.js';
import { units } from './units.js';

export const inferenceGenerators: readonly GeneratorDef<any, any>[] = [
  arithmetic,
  dates,
  units,
  table,
  sorting,
  strings,
  ordering,
  logic,
  percentages,
  extract,
];
