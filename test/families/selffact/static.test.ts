/**
 * selffact.static: every answer is checked against the profile file read independently (JSON.parse of the file, the
 * fact looked up by its dotted path), not against the generator's own catalogue; answers pass the verifier, near
 * misses fail it, targets are pure, and a fact a profile lacks is never asked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROFILES_DIR } from '../../../src/core/paths.js';
import { Rng } from '../../../src/core/rng.js';
import { selffactStatic } from '../../../src/families/selffact/static.js';
import { verifySelffact } from '../../../src/families/selffact/verify.js';
import { checkPurity } from '../../../src/purity/index.js';
import { listProfiles, loadProfile, validateProfile } from '../../../src/profiles/index.js';
import { makeItem } from './helpers.js';

function rawFact(name: string, dotted: string): unknown {
  let node: unknown = JSON.parse(fs.readFileSync(path.join(PROFILES_DIR, `${name}.json`), 'utf8'));
  for (const k of dotted.split('.')) node = (node as Record<string, unknown> | undefined)?.[k];
  return (node as { value?: unknown } | undefined)?.value;
}

/** The expected value of a fact id, computed from the raw file; derived facts by their definitions. */
function expected(name: string, fact: string): unknown {
  const a = (k: string) => rawFact(name, `architecture.${k}`) as number;
  if (fact === 'derived.gqa_group') return a('attention_heads') / a('kv_heads');
  if (fact === 'derived.total_heads') return a('attention_heads') * a('layers');
  if (fact === 'derived.head_dim') return a('hidden_size') / a('attention_heads');
  if (fact === 'identity.aliases.family') return (rawFact(name, 'identity.aliases') as { family: string[] }).family[0];
  if (fact === 'training.modalities.image_input') return (rawFact(name, 'training.modalities') as { input: string[] }).input.includes('image');
  if (fact === 'training.modalities.audio_output') return (rawFact(name, 'training.modalities') as { output: string[] }).output.includes('audio');
  return rawFact(name, fact);
}

function factOf(tags: readonly string[] | undefined): string {
  return tags![1]!;
}

describe.each(listProfiles())('selffact.static on %s', (name) => {
  const profile = loadProfile(name);

  it.each([1, 2, 3, 4, 5])('difficulty %i: answers match the profile file, pass, and near misses fail', (d) => {
    const forms = new Set<string>();
    for (let i = 0; i < 120; i++) {
      const item = makeItem(selffactStatic, profile, `${name}/${d}/${i}`, d);
      const t = item.ground_truth;
      const fact = factOf(item.tags);
      expect(t.fact).toBe(fact);
      forms.add(item.tags![2]!);
      const want = expected(name, fact);
      expect(want).toBeDefined(); // never a question about an absent fact
      const form = item.tags![2];
      if (t.kind === 'number' && form === 'free') expect(t.value).toBe(want);
      if (t.kind === 'number' && form === 'units') expect(t.value * (t.unit_scale ?? 1)).toBeCloseTo(want as number, 3);
      if (t.kind === 'boolean' && typeof want === 'boolean') expect(t.value).toBe(want);
      if (t.kind === 'boolean' && typeof want === 'number') {
        // A threshold question: recover the threshold from the prompt and decide it here.
        const prompt = item.messages[item.messages.length - 1]!.content;
        const m = /(more|fewer|larger|smaller|longer|shorter) than ([0-9.,]+)( billion| trillion| million)?/.exec(prompt)!;
        const scale = m[3] === ' billion' ? 1e9 : m[3] === ' trillion' ? 1e12 : m[3] === ' million' ? 1e6 : 1;
        const n = Number(m[2]!.replace(/,/g, '')) * scale;
        const up = m[1] === 'more' || m[1] === 'larger' || m[1] === 'longer';
        expect(t.value).toBe(up ? want > n : want < n);
      }
      if (t.kind === 'text') expect(t.accept).toContain(want);
      if (t.kind === 'date') expect(t.value).toBe(want);
      if (t.kind === 'list') expect(t.items).toEqual(want);
      if (t.kind === 'choice') {
        const text = t.options[t.correct]!;
        if (typeof want === 'string') expect(text).toBe(want);
        else expect(Number(text.replace(/,/g, '').replace(/ billion$/, 'e9').replace(/ trillion$/, 'e12'))).toBeCloseTo(want as number, -7);
        expect(new Set(Object.values(t.options)).size).toBe(Object.keys(t.options).length);
      }
      const verdict = verifySelffact(t, item.answer!);
      if (!verdict.pass) throw new Error(`${item.answer} fails: ${JSON.stringify(verdict.checks)}`);
      expect(verifySelffact(t, `<answer>${item.answer}</answer>`).pass).toBe(true);
      expect(checkPurity(item.answer!)).toEqual([]);
      const misses = selffactStatic.nearMisses(item, new Rng(`m${i}`));
      expect(misses.length).toBeGreaterThan(0);
      for (const miss of misses) {
        if (verifySelffact(t, miss).pass) throw new Error(`near miss ${JSON.stringify(miss)} passes for ${JSON.stringify(t)}`);
      }
    }
    // Difficulty 1 asks free-form and yes/no only; from 2 on thresholds and multiple choice appear.
    if (d === 1) expect([...forms].every((f) => f === 'free' || f === 'yesno')).toBe(true);
    if (d >= 2) expect(forms.has('choice')).toBe(true);
  });
});

describe('selffact.static and the facts a profile has', () => {
  it('asks only about facts that are present', () => {
    const bare = validateProfile({ name: 'bare', identity: { display_name: { value: 'Bare 1B', source: 'test' }, developer: { value: 'Acme Labs', source: 'test' } } });
    const facts = new Set<string>();
    for (let i = 0; i < 200; i++) facts.add(factOf(makeItem(selffactStatic, bare, `bare${i}`, 3).tags));
    expect([...facts].sort()).toEqual(['identity.developer', 'identity.display_name']);
  });

  it('refuses a profile without any fact it asks about, and a missing profile', () => {
    const empty = validateProfile({ name: 'empty', identity: {} });
    expect(() => makeItem(selffactStatic, empty, 'e', 2)).toThrow(/profile empty lacks every fact selffact\.static@1 asks about/);
    expect(() => makeItem(selffactStatic, null, 'e', 2)).toThrow(/needs a profile/);
  });

  it('brings in derived facts at difficulty 5 and obscure ones from 3', () => {
    const p = loadProfile('llama-3.1-8b-instruct');
    const at = (d: number) => {
      const s = new Set<string>();
      for (let i = 0; i < 400; i++) s.add(factOf(makeItem(selffactStatic, p, `x${d}/${i}`, d).tags));
      return s;
    };
    const d1 = at(1);
    const d5 = at(5);
    expect(d1.has('architecture.kv_heads')).toBe(false);
    expect(d1.has('derived.gqa_group')).toBe(false);
    expect(d5.has('architecture.kv_heads')).toBe(true);
    expect(d5.has('derived.gqa_group')).toBe(true);
  });

  it('phrases the same facts many ways', () => {
    const p = loadProfile('llama-3.1-8b-instruct');
    const prompts = new Set<string>();
    for (let i = 0; i < 400; i++) prompts.add(makeItem(selffactStatic, p, `v${i}`, 3).messages.at(-1)!.content);
    expect(prompts.size).toBeGreaterThan(200);
  });

  it('is deterministic for a seed', () => {
    const p = loadProfile('qwen2.5-7b-instruct');
    expect(makeItem(selffactStatic, p, 'same', 4)).toEqual(makeItem(selffactStatic, p, 'same', 4));
  });
});

