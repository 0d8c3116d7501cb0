import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../../../src/core/errors.js';
import { readModelFolder, writeModelFolder } from '../../../src/score/model/checkpoint.js';
import { TransformerLM } from '../../../src/score/model/model.js';
import { BOS, SEP } from '../../../src/score/model/config.js';
import { loadReferenceModel } from '../../../src/score/ref.js';
import { maxAbsDiff, rowLogits, TINY, wasm } from './helpers.js';

beforeAll(wasm);

async function saved(): Promise<{ dir: string; model: TransformerLM }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-ckpt-'));
  const model = TransformerLM.init(TINY, 'ckpt');
  writeModelFolder(dir, TINY, await model.values(), { step: 0 });
  return { dir, model };
}

const TOKENS = [BOS, ...Array.from(Buffer.from('round trip')), SEP];

describe('model folders', () => {
  it('save and load give identical logits', async () => {
    const { dir, model } = await saved();
    const { config, values } = readModelFolder(dir);
    expect(config).toEqual(TINY);
    const back = TransformerLM.fromValues(config, values);
    expect(maxAbsDiff(rowLogits(back, TOKENS).flat(), rowLogits(model, TOKENS).flat())).toBe(0);
    const ref = await loadReferenceModel(dir);
    expect(ref.name).toBe(path.basename(dir));
    expect(maxAbsDiff(rowLogits(ref.network, TOKENS).flat(), rowLogits(model, TOKENS).flat())).toBe(0);
    // The data file is little-endian float32: the first number of tok_emb, read by hand.
    expect(fs.readFileSync(path.join(dir, 'weights.bin')).readFloatLE(0)).toBe((await model.values()).get('tok_emb')![0]);
    model.dispose();
    back.dispose();
    ref.dispose();
  });

  it('refuses a corrupted .bin, naming the file', async () => {
    const { dir } = await saved();
    const bin = path.join(dir, 'weights.bin');
    const buf = fs.readFileSync(bin);
    buf[100] = buf[100]! ^ 0xff;
    fs.writeFileSync(bin, buf);
    expect(() => readModelFolder(dir)).toThrow(UsageError);
    expect(() => readModelFolder(dir)).toThrow(`${bin}: sha256`);
    await expect(loadReferenceModel(dir)).rejects.toThrow(/weights\.bin: sha256 [0-9a-f]{64} does not match .*weights\.json/);
  });

  it('refuses a truncated .bin, naming the file and both sizes', async () => {
    const { dir } = await saved();
    const bin = path.join(dir, 'weights.bin');
    fs.truncateSync(bin, 1000);
    expect(() => readModelFolder(dir)).toThrow(`${bin}: 1000 bytes, but`);
  });

  it('refuses a folder with a missing file, naming it', async () => {
    for (const f of ['weights.bin', 'weights.json', 'config.json']) {
      const { dir } = await saved();
      fs.rmSync(path.join(dir, f));
      expect(() => readModelFolder(dir)).toThrow(`${path.join(dir, f)}: missing`);
    }
    expect(() => readModelFolder(path.join(os.tmpdir(), 'no-such-verigen-model'))).toThrow(/no such model folder/);
  });

  it('refuses weights that do not fit config.json, naming the tensor', async () => {
    const { dir } = await saved();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...TINY, layers: 3 }));
    expect(() => readModelFolder(dir)).toThrow(/weights\.json: no tensor 'h2\.ln1\.g'/);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...TINY, d_ff: 65 }));
    expect(() => readModelFolder(dir)).toThrow(/tensor 'h0\.mlp\.w1' has shape \[32, 64\], .*config\.json needs \[32, 65\]/);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...TINY, heads: 5 }));
    expect(() => readModelFolder(dir)).toThrow(/config\.json: d_model \(32\) must be a multiple of heads \(5\)/);
  });
});
