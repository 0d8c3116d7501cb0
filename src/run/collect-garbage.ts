/**
 * A full garbage collection between shards. A shard's garbage is dead once the shard is written; collecting it
 * then, rather than whenever V8's heuristics next decide to, keeps each thread's heap at one shard's worth however
 * many shards a long run has, so peak memory does not depend on the item count.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (gc !== undefined) return gc;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return (gc = existing);
  try {
    // --expose-gc installs `gc` in contexts created after it is set; the flag does not change how code runs.
    v8.setFlagsFromString('--expose-gc');
    const found = vm.runInNewContext('gc') as unknown;
    gc = typeof found === 'function' ? (found as () => void) : null;
  } catch {
    gc = null;
  }
  return gc;
}

export function collectGarbage(): void {
  gcFunction()?.();
}
