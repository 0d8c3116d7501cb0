/** The instruct family's generators, in registry order (append only). */
import type { GeneratorDef } from '../../core/generator.js';
import { instructIfeval } from './generator.js';

export const instructGenerators: readonly GeneratorDef<any, any>[] = [instructIfeval];
