/**
 * Export presets: the columns a consumer expects, one row per item. `--preset` on generate writes rows in this shape
 * instead of verigen's item; the run's manifest and card stay verigen's.
 *
 * - open-instruct: `messages`, `ground_truth` (the verifier's ground truth as a JSON string), `dataset` (the
 *   verifier name, which open-instruct uses to route rewards), plus `id`.
 * - trl: `prompt` (the conversation), `verifier`, `ground_truth` (JSON string), `id`: TRL hands extra columns to
 *   reward functions as keyword arguments.
 * - verl: `data_source`, `prompt`, `ability`, `reward_model: {style: "rule", ground_truth}`, `extra_info: {split,
 *   index, id}`.
 * - ifeval: IFEval's input format `{key, prompt, instruction_id_list, kwargs}`; only for items of the ifeval verifier.
 *   With --emit-witness each row also carries `response` (the witness): Google's evaluation_main reads only the keys
 *   it needs from each file, so the same shard serves as its --input_data and its --input_response_data.
 */
import type { Item } from '../core/item.js';
import { promptText } from '../core/item.js';

export const PRESETS = ['open-instruct', 'trl', 'verl', 'ifeval'] as const;
export type Preset = (typeof PRESETS)[number];

export class PresetError extends Error {}

export function applyPreset(preset: Preset, item: Item): object {
  switch (preset) {
    case 'open-instruct':
      return { id: item.id, messages: item.messages, ground_truth: JSON.stringify(item.ground_truth), dataset: item.verifier };
    case 'trl':
      return { id: item.id, prompt: item.messages, verifier: item.verifier, ground_truth: JSON.stringify(item.ground_truth) };
    case 'verl':
      return {
        data_source: `verigen/${item.generator}`,
        prompt: item.messages,
        ability: item.family,
        reward_model: { style: 'rule', ground_truth: JSON.stringify({ verifier: item.verifier, ground_truth: item.ground_truth }) },
        extra_info: { split: 'train', index: item.index, id: item.id },
      };
    case 'ifeval': {
      if (item.verifier !== 'ifeval') throw new PresetError(`${item.id}: --preset ifeval takes only instruction-following items (verifier ifeval), not ${item.verifier}`);
      const gt = item.ground_truth as { instruction_id_list: string[]; kwargs: object[] };
      const row = { key: item.index, prompt: promptText(item), instruction_id_list: gt.instruction_id_list, kwargs: gt.kwargs };
      return item.witness === undefined ? row : { ...row, response: item.witness };
    }
  }
}
