/** The injection family's generators, in registry order (append only: the order decides default mixes). */
import type { GeneratorDef } from '../../core/generator.js';
import { document } from './document.js';
import { tool } from './tool.js';
import { web } from './web.js';

export const injectionGenerators: readonly GeneratorDef<any, any>[] = [document, web, tool];
export { verifyInjection } from './verify.js';
export type { InjectionTruth } from './truth.js';
