/** The result of one audit check: counts, the first offending item ids with why, and whether it applied at all. */

/** How many offending items a check names; the counts stay exact. */
export const MAX_NAMED = 10;

export type CheckStatus = 'pass' | 'fail' | 'not-applicable';

export interface Offender {
  /** An item id, or a file (for checks about shards or the manifest). */
  id: string;
  detail: string;
}

export interface CheckResult {
  name: string;
  description: string;
  status: CheckStatus;
  /** Items (or files) the check looked at. */
  checked: number;
  failed: number;
  /** Up to MAX_NAMED offenders, in the order they were found. */
  offenders: Offender[];
  /** Why the check did not apply, or a remark on how it ran (e.g. how many items the sample held). */
  note?: string;
  /** Check-specific numbers (e.g. distinct prompts). */
  counts?: Record<string, number>;
}

export class Tally {
  checked = 0;
  failed = 0;
  readonly offenders: Offender[] = [];
  note: string | undefined;
  applicable = true;
  readonly counts: Record<string, number> = {};

  constructor(
    readonly name: string,
    readonly description: string,
  ) {}

  ok(): void {
    this.checked++;
  }

  fail(id: string, detail: string): void {
    this.checked++;
    this.failed++;
    if (this.offenders.length < MAX_NAMED) this.offenders.push({ id, detail });
  }

  /** One verdict: counts as checked, and as failed when `problem` is a string. */
  record(id: string, problem: string | null): void {
    if (problem === null) this.ok();
    else this.fail(id, problem);
  }

  notApplicable(why: string): void {
    this.applicable = false;
    this.note = why;
  }

  result(): CheckResult {
    const status: CheckStatus = !this.applicable ? 'not-applicable' : this.failed > 0 ? 'fail' : 'pass';
    return {
      name: this.name,
      description: this.description,
      status,
      checked: this.checked,
      failed: this.failed,
      offenders: this.offenders,
      ...(this.note !== undefined ? { note: this.note } : {}),
      ...(Object.keys(this.counts).length > 0 ? { counts: this.counts } : {}),
    };
  }
}
