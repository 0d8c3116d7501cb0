/** Checks of a run that need no item: the manifest's own consistency, each shard's bytes, the config fingerprint. */
import path from 'node:path';
import { findGenerator } from '../core/registry.js';
import { fingerprint } from '../run/config.js';
import { planShards } from '../run/plan.js';
import type { Manifest } from '../shards/manifest.js';
import { shardProblem } from '../shards/manifest.js';
import { shardFileName } from '../shards/naming.js';
import { VERSION } from '../version.js';
import { Tally } from './tally.js';

/** The shard plan the config implies, the file names it gives, and the counts the records claim. */
export function checkManifest(m: Manifest, manifestFile: string): Tally {
  const t = new Tally('manifest', 'the shards listed are exactly the plan of the config (index ranges, file names), counts add up');
  const c = m.config;
  const plan = planShards(c.count, c.shard_size);
  if (m.num_shards !== plan.length) t.fail(manifestFile, `num_shards is ${m.num_shards}, the config plans ${plan.length}`);
  if (m.shards.length !== plan.length) t.fail(manifestFile, `${m.shards.length} shards listed, the config plans ${plan.length}`);
  for (let s = 0; s < m.shards.length; s++) {
    const rec = m.shards[s]!;
    const want = plan[s];
    const problems: string[] = [];
    if (!want) problems.push('beyond the plan');
    else {
      if (rec.shard !== want.shard || rec.start !== want.start || rec.end !== want.end) {
        problems.push(`shard ${rec.shard} holds ${rec.start}..${rec.end - 1}, the plan says shard ${want.shard} holds ${want.start}..${want.end - 1}`);
      }
      const file = shardFileName(want.shard, plan.length, c.format, c.compress);
      if (rec.file !== file) problems.push(`file is '${rec.file}', the plan names '${file}'`);
    }
    const span = rec.end - rec.start;
    if (c.dedupe ? rec.count > span : rec.count !== span) problems.push(`count ${rec.count} for a range of ${span} items${c.dedupe ? '' : ' (a run without --dedupe keeps every item)'}`);
    t.record(rec.file, problems.length > 0 ? problems.join('; ') : null);
  }
  const items = m.shards.reduce((a, r) => a + r.count, 0);
  if (m.stats && m.stats.items !== items) t.fail(manifestFile, `stats.items is ${m.stats.items}, the shards hold ${items}`);
  const gens = Object.keys(c.mix);
  if (JSON.stringify(m.generators) !== JSON.stringify(gens)) t.fail(manifestFile, `generators ${JSON.stringify(m.generators)} differ from the config's mix ${JSON.stringify(gens)}`);
  t.counts.items = items;
  t.counts.shards = m.shards.length;
  return t;
}

/** Every shard's size and sha256 against the manifest, streamed from disk. */
export function checkShardHashes(m: Manifest, runDir: string): Tally {
  const t = new Tally('sha256', "every shard file's size and sha256 equal the manifest's");
  for (const rec of m.shards) t.record(rec.file, shardProblem(runDir, rec));
  return t;
}

/** The fingerprint recomputed from the stored config, and whether this verigen can regenerate the run at all. */
export function checkFingerprint(m: Manifest, manifestFile: string): { tally: Tally; regenerable: string | null } {
  const t = new Tally('fingerprint', "the manifest's fingerprint is the one its config gives (an edited config shows here)");
  let regenerable: string | null = null;
  if (m.tool.version !== VERSION) {
    // The fingerprint folds in the tool version, and generators may change between versions.
    regenerable = `the run was made by verigen ${m.tool.version} and this is ${VERSION}: audit it with verigen ${m.tool.version}`;
    t.fail(manifestFile, regenerable);
    return { tally: t, regenerable };
  }
  const fp = fingerprint(m.config);
  t.record(manifestFile, fp === m.fingerprint ? null : `fingerprint ${m.fingerprint.slice(0, 12)}… but the config gives ${fp.slice(0, 12)}… (config or fingerprint edited)`);
  const unknown = Object.keys(m.config.mix).filter((id) => !findGenerator(id));
  if (unknown.length > 0) regenerable = `generators not in this verigen: ${unknown.join(', ')}`;
  return { tally: t, regenerable };
}

export function manifestPath(runDir: string): string {
  return path.join(runDir, 'manifest.json');
}
