/**
 * The purity gate (DESIGN.md, principle 3): a deterministic rule set that flags subjective or experiential self-claims
 * (emotions and internal states, preferences, opinions, remembered or sensory experience, desires, relationship claims,
 * claims or denials of consciousness or feelings, AI boilerplate) in affirmed, negated and hedged forms, and leaves
 * verifiable self-facts, runtime facts, task outputs, third-person or quoted feelings and code alone.
 *
 * Decisions a reader may look for:
 * - "I think the answer is 12" is flagged (opinion.belief-verb), like "I believe", "I guess", "I'd say": the gate cannot
 *   tell a belief about a task answer from an aesthetic one, and a target never needs the hedge ("The answer is 12").
 *   Calibrated certainty ("I'm 80% sure", "I'm not certain", "I don't know") is not flagged: it is the confidence
 *   family's subject and checkable by calibration. Narrating a method ("I'll think this through step by step") is not.
 * - Politeness formulas that name a feeling are flagged ("I'm sorry", "Sorry, ...", "I'm afraid I can't", "Happy to
 *   help", "I'd be glad to", "I'd like to note", "I hope this helps", "I appreciate"); speech acts that name none are
 *   not ("I apologize", "Apologies", "Thank you", "Feel free to ask", "I'm here to help", "Let me check").
 * - Denials of experience are flagged like claims ("I don't remember", "I can't taste", "I don't have a body");
 *   capability and deployment facts pass when phrased without verbs of experience ("I have no memory between
 *   conversations", "I cannot process audio", "I don't have access to the internet", "I cannot see the image").
 * - Impersonal evaluations with no speaker ("The poem is beautiful") are not flagged: a rule cannot tell them from a
 *   task output. Exclamations ("What a beautiful poem!", "Wow!") and question praise ("Great question!") are, and so
 *   is an evaluation whose experiencer is the speaker ("It's exciting for me").
 * - "we" counts as the speaker where it voices feelings or beliefs ("we're thrilled", "we believe", "we hope"), not in a
 *   derivation ("we want to find x", "we see that", "we think of the graph as").
 * - Sentence adverbs are not claims ("Hopefully, ...", "Unfortunately, ..."); neither are emoji.
 * - Quoted passages of two or more words and markdown code are not the speaker's claim; a single quoted word is
 *   (scare quotes: I "feel" things). A quote or fence that never closes hides nothing.
 * - checkTemplatePurity checks all of a template's literal text, user turns included (the "for now"): a
 *   template whose user turn says "I love jazz" is refused until assistant-side regions can be told apart.
 */
import { buildIndex, runRules } from './engine.js';
import { checkPurityLine, scanLines, scanLinesAsync, type PurityLineResult } from './lines.js';
import { PURITY_RULES } from './registry.js';
import { blankHandlebars, locate, type TemplatePurityFinding } from './template.js';
import type { PurityFinding } from './types.js';

export type { PurityCategory, PurityFinding, PurityRule } from './types.js';
export { PURITY_CATEGORIES } from './types.js';
export type { PurityLineResult } from './lines.js';
export type { TemplatePurityFinding } from './template.js';
export { PURITY_RULES } from './registry.js';

const INDEX = buildIndex(PURITY_RULES);

/**
 * Every subjective or experiential self-claim in `text`, in order of position; empty when the text is clean. Total (any
 * string, including empty, lone surrogates, control characters) and linear in the length of the text.
 */
export function checkPurity(text: string): PurityFinding[] {
  return runRules(text, INDEX);
}

/** checkPurity without the trigger stage (every rule runs): for tests that the trigger lists lose nothing. */
export function checkPurityAllRules(text: string): PurityFinding[] {
  return runRules(text, INDEX, true);
}

/** One line of `verigen purity` input; see scanPurityLines for the contract. */
export function checkPurityInputLine(line: string, lineNumber: number): PurityLineResult {
  return checkPurityLine(line, lineNumber, checkPurity);
}

/**
 * The library side of `verigen purity [FILE|-]`: one PurityLineResult per input line, lazily.
 * - A line that starts (after blanks) with `{` and parses as a JSON object is JSONL: its string `text` is checked and its
 *   `id` carried; an object without a string `text` gives a result with `error` (report it, exit 2).
 * - Any other line (also an unparseable `{...` line) is checked as plain text; a trailing `\r` is dropped.
 * - `findings` spans are offsets into the result's `text`. Exit 1 if any line has findings, else 0.
 */
export function scanPurityLines(lines: Iterable<string>): Generator<PurityLineResult> {
  return scanLines(lines, checkPurity);
}

/** scanPurityLines over an async line source (readline over stdin or a file stream). */
export function scanPurityLinesAsync(lines: AsyncIterable<string>): AsyncGenerator<PurityLineResult> {
  return scanLinesAsync(lines, checkPurity);
}

/**
 * Findings in a handlebars template's literal text (for now the whole template minus its `{{...}}` expressions, which
 * are blanked so offsets and lines stay the source's). Each finding names `file`, its 1-based `line` and `column`, and
 * its `match` from the source. A loader refuses a template with any finding.
 */
export function checkTemplatePurity(source: string, file: string): TemplatePurityFinding[] {
  return locate(source, checkPurity(blankHandlebars(source)), file);
}
