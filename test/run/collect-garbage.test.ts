import { collectGarbage } from '../../src/run/collect-garbage.js';

test('collectGarbage runs a full collection: an object only a WeakRef holds is gone afterwards', async () => {
  let ref: WeakRef<object> | null = null;
  (() => {
    ref = new WeakRef({ payload: new Array(1000).fill('x') });
  })();
  // A WeakRef keeps its target alive until the job that created (or last dereferenced) it ends.
  await new Promise((resolve) => setImmediate(resolve));
  expect(ref!.deref()).toBeDefined();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(ref!.deref()).toBeUndefined();
});
