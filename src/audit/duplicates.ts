/**
 * Names the rows behind duplicated hashes. The merge finds which 64-bit hashes repeat but not whose they are; a
 * second streaming pass, made only when something repeats, collects the names (id, or file:line) of the rows that
 * carry up to MAX_NAMED such hashes.
 */
import path from 'node:path';
import { hash64 } from '../core/hash.js';
import type { Preset } from '../shards/presets.js';
import { readLines } from '../shards/reader.js';
import { promptHash } from '../shards/stats.js';
import { viewRow } from './rows.js';

/** Names kept per duplicated hash: enough to find the copies. */
const PER_GROUP = 4;

export interface NamedDuplicates {
  ids: string[][];
  prompts: string[][];
}

export async function nameDuplicates(files: readonly string[], preset: Preset | null, idHashes: readonly bigint[], promptHashes: readonly bigint[]): Promise<NamedDuplicates> {
  const idGroups = new Map<bigint, string[]>(idHashes.map((h) => [h, []]));
  const promptGroups = new Map<bigint, string[]>(promptHashes.map((h) => [h, []]));
  if (idGroups.size + promptGroups.size > 0) {
    for (const file of files) {
      try {
        for await (const { value, line } of readLines(file)) {
          let row: unknown;
          try {
            row = JSON.parse(value);
          } catch {
            continue;
          }
          if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
          const view = viewRow(row as Record<string, unknown>, preset);
          const name = view.id ?? `${path.basename(file)}:${line}`;
          const ig = idGroups.get(hash64(view.id ?? `index ${view.index ?? name}`));
          if (ig && ig.length < PER_GROUP) ig.push(`${name} (${path.basename(file)}:${line})`);
          const pg = view.prompt === null ? undefined : promptGroups.get(promptHash(view.prompt));
          if (pg && pg.length < PER_GROUP) pg.push(name);
        }
      } catch {
        // Unreadable bytes were reported by the first pass; names come from what can be read.
      }
    }
  }
  return { ids: [...idGroups.values()].filter((g) => g.length > 0), prompts: [...promptGroups.values()].filter((g) => g.length > 0) };
}
