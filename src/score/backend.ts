/**
 * TensorFlow.js backends for the reference model and the difficulty predictor.
 *
 * `@tensorflow/tfjs-node-gpu` and `@tensorflow/tfjs-node` are optional dependencies: their install downloads
 * libtensorflow, which many machines cannot reach, and npm then skips them. Their absence is normal, and silent unless
 * one is asked for by name. The WebAssembly backend ships with the package and works offline; the plain JavaScript
 * `cpu` backend is the last resort (about 30x slower on matrix products here).
 */
import * as tf from '@tensorflow/tfjs-core';
import { UsageError } from '../core/errors.js';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

/** Most preferred first: what `auto` tries, in order. */
export const BACKENDS: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** Why it is not available (the import or initialisation error, one line). */
  reason?: string;
}

// tfjs-node and tfjs-node-gpu both register their backend under tfjs' name 'tensorflow'.
const TF_NAME: Record<BackendName, string> = { 'tensorflow-gpu': 'tensorflow', tensorflow: 'tensorflow', wasm: 'wasm', cpu: 'cpu' };
const PACKAGE: Record<BackendName, string> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs-backend-cpu',
};

function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]!.slice(0, 200);
}

/** Imports a backend's package (registering it with tfjs) and initialises it; never throws. */
async function load(name: BackendName): Promise<BackendProbe> {
  try {
    await import(PACKAGE[name]);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ERR_MODULE_NOT_FOUND' ? `${PACKAGE[name]} is not installed` : oneLine(e);
    return { name, available: false, reason };
  }
  // A machine may have both node packages installed; each one's native binding decides whether its backend works.
  try {
    const ok = await tf.setBackend(TF_NAME[name]);
    if (!ok) return { name, available: false, reason: `${PACKAGE[name]} did not initialise` };
    await tf.ready();
    return { name, available: true };
  } catch (e) {
    return { name, available: false, reason: oneLine(e) };
  }
}

/** Which backends load on this machine, in preference order. */
export async function probeBackends(): Promise<BackendProbe[]> {
  tf.enableProdMode(); // no console banners from tfjs: the caller says which backend it took
  const out: BackendProbe[] = [];
  for (const name of BACKENDS) out.push(await load(name));
  return out;
}

export interface SelectedBackend {
  name: BackendName;
  /** One line for the user: which backend and, for auto, what was skipped. */
  notice: string;
}

/** Sets tfjs' backend: the named one (an error if it does not load) or, for auto, the first that loads. */
export async function useBackend(choice: BackendChoice): Promise<SelectedBackend> {
  tf.enableProdMode();
  if (choice !== 'auto') {
    if (!BACKENDS.includes(choice)) throw new UsageError(`--backend must be one of auto, ${BACKENDS.join(', ')}; got '${choice}'`);
    const p = await load(choice);
    if (!p.available) throw new UsageError(`--backend ${choice}: ${p.reason}`);
    return { name: choice, notice: `backend: ${choice}` };
  }
  const skipped: string[] = [];
  for (const name of BACKENDS) {
    const p = await load(name);
    if (p.available) return { name, notice: `backend: ${name} (auto${skipped.length ? `; not available: ${skipped.join(', ')}` : ''})` };
    skipped.push(name);
  }
  throw new Error('no TensorFlow.js backend loads, not even cpu');
}

export interface MatmulSpeed {
  backend: BackendName;
  size: number;
  ms: number;
  gflops: number;
}

/** Best of a few n×n float32 matrix products on the current backend (what the models spend their time on). */
export async function matmulSpeed(backend: BackendName, n = 256, rounds = 5): Promise<MatmulSpeed> {
  const a = tf.randomUniform([n, n], -1, 1, 'float32', 1);
  const b = tf.randomUniform([n, n], -1, 1, 'float32', 2);
  try {
    const warm = tf.matMul(a, b); // warm up (kernel compilation, memory)
    await warm.data();
    warm.dispose();
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { backend, size: n, ms: best, gflops: (2 * n ** 3) / (best / 1e3) / 1e9 };
  } finally {
    a.dispose();
    b.dispose();
  }
}

export interface BackendReport extends BackendProbe {
  speed?: MatmulSpeed;
}

/** `verigen doctor`: every backend, whether it loads (and why not), and its speed on a 256×256 matrix product. */
export async function backendReport(size = 256): Promise<BackendReport[]> {
  const out: BackendReport[] = [];
  for (const probe of await probeBackends()) {
    if (!probe.available) {
      out.push(probe);
      continue;
    }
    await tf.setBackend(TF_NAME[probe.name]);
    await tf.ready();
    out.push({ ...probe, speed: await matmulSpeed(probe.name, size) });
  }
  return out;
}
