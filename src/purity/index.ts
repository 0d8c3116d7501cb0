/** PLACEHOLDER minimal purity gate, replaced by the rule set of the purity issue. */
export interface PurityFinding {
  rule: string;
  category: string;
  start: number;
  end: number;
  match: string;
}

const MINIMAL = /\b(as an ai(?: language model)?|i (?:feel|felt|love|enjoy|am curious|'m curious|am excited|'m excited)|i don'?t have (?:feelings|emotions|taste))\b/i;

export function checkPurity(text: string): PurityFinding[] {
  const m = MINIMAL.exec(text);
  if (!m) return [];
  return [{ rule: 'minimal', category: 'subjective', start: m.index, end: m.index + m[0].length, match: m[0] }];
}
