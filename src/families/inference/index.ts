/** The inference family's generators, in registry order (append only: the order decides default mixes). */
import type { GeneratorDef } from '../../core/generator.js';
import { arithmetic } from './arithmetic.js';

export const inferenceGenerators: readonly GeneratorDef<any, any>[] = [arithmetic];
