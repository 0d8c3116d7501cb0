/**
 * The conflict table: pairs of constraints never drawn into one item, because no witness can satisfy both (or the
 * witness composer cannot build one that does). Symmetric. Pairs that conflict only for some kwargs (a 'less than'
 * count against text another constraint adds) are not listed: the composer's witness check rejects and redraws them,
 * and the run stats count those rejections per combination. A constraint's own `conflicts` member adds to this table.
 */
export interface Conflict {
  a: string;
  b: string;
  reason: string;
}

export const CONFLICTS: readonly Conflict[] = [
  { a: 'change_case:english_capital', b: 'change_case:english_lowercase', reason: 'all capital letters and all lowercase letters at once' },
  { a: 'language:response_language', b: 'change_case:english_capital', reason: 'the response language is never English, english_capital requires English' },
  { a: 'language:response_language', b: 'change_case:english_lowercase', reason: 'the response language is never English, english_lowercase requires English' },
  { a: 'language:response_language', b: 'combination:repeat_prompt', reason: 'the repeated English request dominates language identification' },
  { a: 'detectable_format:constrained_response', b: 'change_case:english_capital', reason: '"My answer is yes." must keep its case' },
  { a: 'detectable_format:constrained_response', b: 'change_case:english_lowercase', reason: '"My answer is yes." must keep its case' },
  { a: 'detectable_format:multiple_sections', b: 'change_case:english_lowercase', reason: 'the section splitter (Section / SECTION) is matched case-sensitively' },
  { a: 'length_constraints:number_paragraphs', b: 'length_constraints:nth_paragraph_first_word', reason: 'paragraphs split on *** in one and on blank lines in the other, each with an exact count' },
  { a: 'detectable_format:json_format', b: 'detectable_format:number_bullet_lists', reason: 'bullets are line starts, which a JSON string escapes' },
  { a: 'detectable_format:json_format', b: 'length_constraints:nth_paragraph_first_word', reason: 'paragraphs are blank lines, which a JSON string escapes' },
  { a: 'detectable_format:json_format', b: 'combination:two_responses', reason: 'two responses separated by ****** are not one JSON value' },
  { a: 'detectable_format:json_format', b: 'combination:repeat_prompt', reason: 'the repeated request before the JSON makes it invalid' },
  { a: 'detectable_format:json_format', b: 'startend:end_checker', reason: 'the end phrase after the JSON makes it invalid' },
  { a: 'startend:quotation', b: 'combination:repeat_prompt', reason: 'the response must start with a double quote and with the repeated request' },
  { a: 'combination:two_responses', b: 'length_constraints:number_paragraphs', reason: 'two responses double an exact paragraph count' },
  { a: 'combination:two_responses', b: 'length_constraints:nth_paragraph_first_word', reason: 'two responses double an exact paragraph count' },
  { a: 'combination:two_responses', b: 'detectable_format:number_bullet_lists', reason: 'two responses double an exact bullet count' },
];

const TABLE = new Set<string>();
for (const c of CONFLICTS) {
  TABLE.add(`${c.a}\u0000${c.b}`);
  TABLE.add(`${c.b}\u0000${c.a}`);
}

/** Whether the table lists the pair (either order). */
export function inConflictTable(a: string, b: string): boolean {
  return TABLE.has(`${a}\u0000${b}`);
}
