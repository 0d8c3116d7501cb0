/**
 * Jest's transformer for the TypeScript sources and tests: @swc/jest, plus one line of module-scope bindings.
 *
 * Why: Jest evaluates every module inside a vm context, where each lookup of a global name (Math, JSON, Object, ...)
 * passes through Node's context interceptors and costs 50-100x what it costs in a plain process
 * (nodejs/node#31658, jestjs/jest#5163; Jest's `sandboxInjectedGlobals` does not reach ESM modules). Hot loops that
 * call Math.imul or String.fromCharCode then run at interpreter speed: test/core/hash.test.ts took 56 s for what
 * takes 0.5 s outside Jest. Binding the ECMAScript intrinsics once per module, as module-scope constants, makes
 * each later lookup a context-slot load. They are the very same objects, so behaviour is unchanged; the bindings go
 * on the first line of the output, so line numbers in stack traces are unchanged too.
 *
 * Only intrinsics that Jest never replaces are bound (not Date, timers, console or process, which fake timers and
 * spies may swap), and a name the module declares or imports itself is left alone.
 */
'use strict';
const crypto = require('node:crypto');
const swcJest = require('@swc/jest');

const INTRINSICS = [
  'Math', 'JSON', 'Object', 'Array', 'String', 'Number', 'BigInt', 'Boolean', 'Symbol', 'Map', 'Set', 'WeakMap',
  'WeakSet', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'RegExp', 'Promise', 'Reflect', 'Proxy',
  'ArrayBuffer', 'DataView', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'BigUint64Array', 'BigInt64Array', 'parseInt', 'parseFloat', 'isFinite', 'isNaN',
  'Infinity', 'NaN', 'Intl', 'TextEncoder', 'TextDecoder', 'Buffer',
];

/** True if the module itself binds `name` (a declaration, a parameter-free import, or an import alias). */
function declares(code, name) {
  const decl = new RegExp(`\\b(?:const|let|var|class|function\\*?|as)\\s+${name}\\b`);
  const importList = new RegExp(`\\bimport\\s*(?:[\\w$]+\\s*,\\s*)?\\{[^}]*\\b${name}\\b[^}]*\\}`);
  const destructured = new RegExp(`\\b(?:const|let|var)\\s*\\{[^}=]*\\b${name}\\b[^}=]*\\}\\s*=`);
  return decl.test(code) || importList.test(code) || destructured.test(code);
}

function bindIntrinsics(result) {
  const names = INTRINSICS.filter((n) => !declares(result.code, n));
  if (names.length === 0) return result;
  return { ...result, code: `const { ${names.join(', ')} } = globalThis;${result.code}` };
}

function createTransformer(options) {
  const inner = swcJest.createTransformer(options);
  return {
    canInstrument: inner.canInstrument,
    process: (src, filename, jestOptions) => bindIntrinsics(inner.process(src, filename, jestOptions)),
    processAsync: async (src, filename, jestOptions) => bindIntrinsics(await inner.processAsync(src, filename, jestOptions)),
    getCacheKey: (...args) => crypto.createHash('sha1').update(inner.getCacheKey(...args)).update('\0local-intrinsics-1').digest('hex'),
  };
}

module.exports = { createTransformer };
