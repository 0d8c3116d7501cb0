/** The selffact family's generators, in the order the lead registers them (static facts, then the runtime situation). */
import type { GeneratorDef } from '../../core/generator.js';
import { selffactRuntime } from './runtime.js';
import { selffactStatic } from './static.js';

export const selffactGenerators: readonly GeneratorDef<any, any>[] = [selffactStatic, selffactRuntime];
export { verifySelffact } from './verify.js';
export type { SelffactTruth } from './truth.js';
