/**
 * How well predicted pass rates match pass@k labels: discrimination (AUROC two ways), rank agreement (Spearman) and
 * calibration (ECE, Brier, reliability bins), and a markdown table comparing predictors side by side.
 */
import { auroc, aurocWeighted, spearman } from './rank.js';
import { calibration, type ReliabilityBin } from './calibration.js';

export interface Evaluation {
  items: number;
  /** Σ k: every response is one sample of the response-level AUROC. */
  responses: number;
  passed_responses: number;
  /**
   * AUROC with every response as a sample: a passing response is a positive, scored with its item's prediction
   * (an item with n_pass of k gives n_pass positives and k − n_pass negatives, all tied at its score).
   */
  auroc_responses: number | null;
  /** AUROC over items, an item being positive when n_pass / k ≥ 0.5. */
  auroc_items: number | null;
  /** Spearman correlation of prediction and n_pass / k over items (average ranks for ties). */
  spearman: number | null;
  /** Calibration of the prediction against n_pass / k, items weighted by k, 10 equal-width bins. */
  ece: number;
  brier: number;
  bins: ReliabilityBin[];
}

export function evaluate(predicted: ArrayLike<number>, nPass: ArrayLike<number>, k: ArrayLike<number>): Evaluation {
  const n = predicted.length;
  if (nPass.length !== n || k.length !== n) throw new RangeError('evaluate: arrays differ in length');
  const pos = new Float64Array(n);
  const neg = new Float64Array(n);
  const rate = new Float64Array(n);
  const itemPos = new Uint8Array(n);
  let responses = 0;
  let passed = 0;
  for (let i = 0; i < n; i++) {
    pos[i] = nPass[i]!;
    neg[i] = k[i]! - nPass[i]!;
    rate[i] = nPass[i]! / k[i]!;
    itemPos[i] = rate[i]! >= 0.5 ? 1 : 0;
    responses += k[i]!;
    passed += nPass[i]!;
  }
  const cal = calibration(predicted, rate, k, 10);
  return {
    items: n,
    responses,
    passed_responses: passed,
    auroc_responses: aurocWeighted(predicted, pos, neg),
    auroc_items: auroc(predicted, itemPos),
    spearman: spearman(predicted, rate),
    ece: cal.ece,
    brier: cal.brier,
    bins: cal.bins,
  };
}

const fmt = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));

/** A markdown table: one row per predictor. */
export function evaluationTable(rows: readonly { name: string; evaluation: Evaluation }[]): string {
  const head = '| predictor | AUROC (responses) | AUROC (items, p ≥ 0.5) | Spearman | ECE | Brier |\n| --- | ---: | ---: | ---: | ---: | ---: |';
  const body = rows.map(({ name, evaluation: e }) => `| ${name} | ${fmt(e.auroc_responses)} | ${fmt(e.auroc_items)} | ${fmt(e.spearman)} | ${fmt(e.ece)} | ${fmt(e.brier)} |`);
  return [head, ...body].join('\n');
}

/** A markdown reliability table of one evaluation (bins without samples left out). */
export function reliabilityTable(e: Evaluation): string {
  const head = '| predicted | responses | mean predicted | observed pass rate |\n| --- | ---: | ---: | ---: |';
  const body = e.bins.filter((b) => b.weight > 0).map((b) => `| ${b.lo.toFixed(1)}–${b.hi.toFixed(1)} | ${b.weight} | ${fmt(b.mean_predicted)} | ${fmt(b.mean_actual)} |`);
  return [head, ...body].join('\n');
}
