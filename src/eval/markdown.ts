/** The markdown form of an eval report (eval.md) and of a comparison. */
import type { Interval } from './bootstrap.js';
import type { EvalReport } from './evaluate.js';
import type { Metric } from './metrics.js';

export const f3 = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));
export const ci = (i: Interval | null) => (i ? `[${f3(i.lo)}, ${f3(i.hi)}]` : 'n/a');
const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

function metricRow(name: string, m: Metric): string {
  return `| ${name} | ${f3(m.value)} | ${ci(m.ci95)} |${m.note ? ` ${m.note}` : ''}`;
}

export function evalMarkdown(r: EvalReport): string {
  const out: string[] = [];
  out.push('# verigen eval', '');
  out.push(`Items: \`${r.items}\`; responses: \`${r.responses}\`. ${r.n_items} items, ${r.answered} answered, ${r.missing} without a response.`, '');
  out.push('| metric | value | 95% interval |', '| --- | ---: | --- |');
  out.push(`| accuracy | ${f3(r.accuracy.value)} | ${ci(r.accuracy.ci95)} |`);
  const m = r.confidence.metrics;
  if (m) {
    out.push(metricRow('AUROC (confidence vs correct)', m.auroc));
    out.push(metricRow('ECE (10 bins)', m.ece));
    out.push(metricRow('Brier score', m.brier));
  }
  out.push('');
  out.push(
    m
      ? `Confidence from \`${r.confidence.source}\`: stated on ${r.confidence.stated} responses (${m.correct} correct), not stated on ${r.confidence.not_stated}. Intervals: percentile bootstrap, ${r.bootstrap.resamples} resamples, seed \`${r.bootstrap.seed}\`.`
      : `No response states a confidence (source \`${r.confidence.source}\`): AUROC, ECE and Brier need one (confidence items, or --confidence field:NAME / logprob:NAME).`,
    '',
  );
  if (m) {
    out.push('## Reliability', '', '![reliability diagram](reliability.svg)', '', '| confidence | n | mean confidence | accuracy |', '| --- | ---: | ---: | ---: |');
    for (const b of m.bins) if (b.weight > 0) out.push(`| ${b.lo.toFixed(1)}-${b.hi.toFixed(1)} | ${b.weight} | ${f3(b.mean_predicted)} | ${f3(b.mean_actual)} |`);
    out.push('');
  }
  if (r.ifeval) {
    const s = r.ifeval;
    out.push('## IFEval scores', '', '| prompt strict | instruction strict | prompt loose | instruction loose |', '| ---: | ---: | ---: | ---: |');
    out.push(`| ${pct(s.prompt_strict)} | ${pct(s.instruction_strict)} | ${pct(s.prompt_loose)} | ${pct(s.instruction_loose)} |`, '');
  }
  if (r.selfpredict) {
    out.push('## Self-prediction', '', 'Each property beside the score of always giving its most common answer.', '', '| property | items | accuracy | baseline | most common |', '| --- | ---: | ---: | ---: | --- |');
    for (const p of r.selfpredict) out.push(`| ${p.property} | ${p.items} | ${f3(p.accuracy)} | ${f3(p.baseline)} | ${p.most_common} |`);
    out.push('');
  }
  const group = (title: string, g: Record<string, { items: number; passed: number; accuracy: number }>) => {
    out.push(`## Accuracy by ${title}`, '', `| ${title} | items | passed | accuracy |`, '| --- | ---: | ---: | ---: |');
    for (const [k, v] of Object.entries(g)) out.push(`| ${k} | ${v.items} | ${v.passed} | ${f3(v.accuracy)} |`);
    out.push('');
  };
  group('family', r.by_family);
  group('generator', r.by_generator);
  if (Object.keys(r.by_constraint).length) {
    out.push('## Accuracy by constraint', '', '| instruction id | given | followed | accuracy |', '| --- | ---: | ---: | ---: |');
    for (const [k, v] of Object.entries(r.by_constraint)) out.push(`| ${k} | ${v.given} | ${v.followed} | ${f3(v.accuracy)} |`);
    out.push('');
  }
  return out.join('\n');
}
