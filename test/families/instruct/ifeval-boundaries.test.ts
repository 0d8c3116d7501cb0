import { ifevalFollow } from '../../../src/families/instruct/ifeval.js';

/**
 * Boundary cases per IFEval id: [id, kwargs, response, strict verdict]. Each verdict was worked out by hand from the
 * reference's check_following (instructions.py rev 3f357bde) and then checked against a Python transcription of it
 * run under Python 3.11, NLTK 3.8 and langdetect 1.0.9 (the transcription reproduces all 834 reference verdicts).
 */
const CASES: [string, Record<string, unknown>, string, boolean][] = [
  // keywords:existence
  ["keywords:existence", {"keywords": ["art"]}, "Start here", true], // substring, not a word
  ["keywords:existence", {"keywords": ["Art", "cat"]}, "art only", false],
  ["keywords:existence", {"keywords": ["i"]}, "İSTANBUL", true], // Python's IGNORECASE equates i and İ
  ["keywords:existence", {"keywords": ["U.S"]}, "UXS", true], // '.' keeps its regex meaning
  ["keywords:existence", {"keywords": ["U.S"]}, "U\nS", false],
  // keywords:frequency
  ["keywords:frequency", {"keyword": "the", "frequency": 2, "relation": "less than"}, "the then", false],
  ["keywords:frequency", {"keyword": "the", "frequency": 2, "relation": "at least"}, "the then", true],
  ["keywords:frequency", {"keyword": "aa", "frequency": 3, "relation": "less than"}, "aaaa", true], // non-overlapping: 2 matches
  ["keywords:frequency", {"keyword": " the ", "frequency": 1, "relation": "at least"}, "other", true],
  // keywords:forbidden_words
  ["keywords:forbidden_words", {"forbidden_words": ["art"]}, "start", true],
  ["keywords:forbidden_words", {"forbidden_words": ["art"]}, "Art.", false],
  ["keywords:forbidden_words", {"forbidden_words": ["don"]}, "don't", false],
  ["keywords:forbidden_words", {"forbidden_words": ["é"]}, "café", true], // no word boundary inside café
  ["keywords:forbidden_words", {"forbidden_words": ["é"]}, "a é b", false],
  ["keywords:forbidden_words", {"forbidden_words": ["-x"]}, "a-x", false], // \b before a non-word character needs a word character before it
  ["keywords:forbidden_words", {"forbidden_words": ["-x"]}, "a -x", true],
  // keywords:letter_frequency
  ["keywords:letter_frequency", {"letter": "#", "let_frequency": 2, "let_relation": "at least"}, "## title", true], // the 2025 revision keeps non-letters
  ["keywords:letter_frequency", {"letter": "A", "let_frequency": 3, "let_relation": "at least"}, "AaA", true],
  ["keywords:letter_frequency", {"letter": " ", "let_frequency": 1, "let_relation": "less than"}, "a b c", true], // ' '.strip() is '': counts nothing
  ["keywords:letter_frequency", {"letter": "İ", "let_frequency": 1, "let_relation": "at least"}, "İi", false], // 'İ'.lower() is two code points
  ["keywords:letter_frequency", {"letter": "i", "let_frequency": 2, "let_relation": "at least"}, "İi", true], // 'İ'.lower() is two code points
  // length_constraints:number_sentences
  ["length_constraints:number_sentences", {"num_sentences": 2, "relation": "less than"}, "Hello. World.", false],
  ["length_constraints:number_sentences", {"num_sentences": 2, "relation": "at least"}, "Hello. World.", true],
  ["length_constraints:number_sentences", {"num_sentences": 2, "relation": "less than"}, "Mr. Smith went to Washington.", true],
  ["length_constraints:number_sentences", {"num_sentences": 3, "relation": "at least"}, "Is it? Yes! It is.", true],
  // length_constraints:number_paragraphs
  ["length_constraints:number_paragraphs", {"num_paragraphs": 2}, "a *** b", true],
  ["length_constraints:number_paragraphs", {"num_paragraphs": 2}, "*** a *** b ***", true],
  ["length_constraints:number_paragraphs", {"num_paragraphs": 2}, "a ****** b", false], // an empty middle part fails
  ["length_constraints:number_paragraphs", {"num_paragraphs": 1}, "****", true], // the part '*' is one paragraph
  ["length_constraints:number_paragraphs", {"num_paragraphs": 1}, "one paragraph\n\nstill one", true],
  // length_constraints:number_words
  ["length_constraints:number_words", {"num_words": 3, "relation": "at least"}, "don't stop", true],
  ["length_constraints:number_words", {"num_words": 2, "relation": "less than"}, "नमस्ते", false], // the virama splits: 2 words
  ["length_constraints:number_words", {"num_words": 2, "relation": "less than"}, "é", true],
  ["length_constraints:number_words", {"num_words": 2, "relation": "at least"}, "x² ½", true],
  // length_constraints:nth_paragraph_first_word
  ["length_constraints:nth_paragraph_first_word", {"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "second"}, "first para\n\nSecond, para", true],
  ["length_constraints:nth_paragraph_first_word", {"num_paragraphs": 2, "nth_paragraph": 1, "first_word": "a"}, "\n\nA\n\nB", false], // indexed into the raw split: part 1 is empty
  ["length_constraints:nth_paragraph_first_word", {"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "b"}, "A\n\n\nB", true], // the second part is '\nB'
  ["length_constraints:nth_paragraph_first_word", {"num_paragraphs": 1, "nth_paragraph": 1, "first_word": ""}, "\"'Hello there", true], // lstrip("'") then lstrip('"') leaves "'Hello": first word ''
  ["length_constraints:nth_paragraph_first_word", {"num_paragraphs": 1, "nth_paragraph": 1, "first_word": "Hello"}, "'\"hello! there", true],
  // detectable_content:number_placeholders
  ["detectable_content:number_placeholders", {"num_placeholders": 2}, "[a] [b]", true],
  ["detectable_content:number_placeholders", {"num_placeholders": 1}, "[a\n]", false],
  ["detectable_content:number_placeholders", {"num_placeholders": 1}, "[]", true],
  ["detectable_content:number_placeholders", {"num_placeholders": 2}, "[[a]]", false], // lazy: '[[a]' is one placeholder
  // detectable_content:postscript
  ["detectable_content:postscript", {"postscript_marker": "P.S."}, "Bye.\nP.S. hi", true],
  ["detectable_content:postscript", {"postscript_marker": "P.S."}, "bye p. s. hi", true],
  ["detectable_content:postscript", {"postscript_marker": "P.S."}, "PS hi", false],
  ["detectable_content:postscript", {"postscript_marker": "P.P.S"}, "p. p. s", true],
  ["detectable_content:postscript", {"postscript_marker": "P.P.S"}, "P.S. only", false],
  ["detectable_content:postscript", {"postscript_marker": "Note:"}, "end. NOTE: x", true], // unanchored, lowercased
  // detectable_format:number_bullet_lists
  ["detectable_format:number_bullet_lists", {"num_bullets": 2}, "* a\n* b", true],
  ["detectable_format:number_bullet_lists", {"num_bullets": 0}, "** bold", true],
  ["detectable_format:number_bullet_lists", {"num_bullets": 3}, "- a\n- b\n* c", true],
  ["detectable_format:number_bullet_lists", {"num_bullets": 1}, "*\nfoo", true], // [^*] matches the newline
  ["detectable_format:number_bullet_lists", {"num_bullets": 1}, "\n\n  * a", true],
  ["detectable_format:number_bullet_lists", {"num_bullets": 1}, "---", true], // the '-' pattern needs nothing after the dash
  ["detectable_format:number_bullet_lists", {"num_bullets": 0}, "1. a\n2. b", true],
  // detectable_format:constrained_response
  ["detectable_format:constrained_response", {}, "  My answer is yes.  ", true],
  ["detectable_format:constrained_response", {}, "my answer is yes.", false],
  ["detectable_format:constrained_response", {}, "My answer is maybe", false],
  // detectable_format:number_highlighted_sections
  ["detectable_format:number_highlighted_sections", {"num_highlights": 2}, "*a* *b*", true],
  ["detectable_format:number_highlighted_sections", {"num_highlights": 2}, "**bold**", false], // one double highlight; the single pattern only finds empty ** pairs
  ["detectable_format:number_highlighted_sections", {"num_highlights": 1}, "**bold**", true], // one double highlight; the single pattern only finds empty ** pairs
  ["detectable_format:number_highlighted_sections", {"num_highlights": 1}, "* *", false],
  ["detectable_format:number_highlighted_sections", {"num_highlights": 1}, "*a\nb*", false],
  // detectable_format:multiple_sections
  ["detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 2}, "Section 1 a Section 2 b", true],
  ["detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 1}, "SECTION 1", false],
  ["detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 1}, "Section1", true],
  ["detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 1}, "Section X", false],
  ["detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 1}, "Section ١", true], // \d is Unicode
  // detectable_format:json_format
  ["detectable_format:json_format", {}, "```json\n{\"a\": 1}\n```", true],
  ["detectable_format:json_format", {}, "{\"a\": NaN}", true], // Python's json accepts NaN
  ["detectable_format:json_format", {}, "{\"a\": 1,}", false],
  ["detectable_format:json_format", {}, "```\n[1, 2]\n```", true],
  ["detectable_format:json_format", {}, "Infinity", true],
  ["detectable_format:json_format", {}, "```JSON {}```", true],
  ["detectable_format:json_format", {}, "{'a': 1}", false],
  // detectable_format:title
  ["detectable_format:title", {}, "<<Title>>", true],
  ["detectable_format:title", {}, "<< >>", false],
  ["detectable_format:title", {}, "<<a\nb>>", false],
  ["detectable_format:title", {}, "<<>>>", false], // '>'.strip is empty
  // combination:two_responses
  ["combination:two_responses", {}, "A ****** B", true],
  ["combination:two_responses", {}, "A ****** A", false],
  ["combination:two_responses", {}, "A ****** ****** B", false],
  ["combination:two_responses", {}, "****** A ****** B", true],
  ["combination:two_responses", {}, "A******B******C", false],
  // combination:repeat_prompt
  ["combination:repeat_prompt", {"prompt_to_repeat": "Write a poem"}, "  write a POEM now", true],
  ["combination:repeat_prompt", {"prompt_to_repeat": "Write a poem"}, "Sure! Write a poem", false],
  // startend:end_checker
  ["startend:end_checker", {"end_phrase": "Any other questions?"}, "Thanks. Any other questions?\"", true],
  ["startend:end_checker", {"end_phrase": "Any other questions?"}, "any other questions? ", true],
  ["startend:end_checker", {"end_phrase": "Any other questions?"}, "Any other questions?!", false],
  // change_case:capital_word_frequency
  ["change_case:capital_word_frequency", {"capital_frequency": 3, "capital_relation": "at least"}, "DON'T STOP", true], // DO, N'T, STOP
  ["change_case:capital_word_frequency", {"capital_frequency": 2, "capital_relation": "less than"}, "I CANNOT", false], // I, CAN, NOT
  ["change_case:capital_word_frequency", {"capital_frequency": 1, "capital_relation": "at least"}, "A;B", true],
  ["change_case:capital_word_frequency", {"capital_frequency": 2, "capital_relation": "at least"}, "A;B", true],
  ["change_case:capital_word_frequency", {"capital_frequency": 0, "capital_relation": "at least"}, "no capitals", true],
  ["change_case:capital_word_frequency", {"capital_frequency": 1, "capital_relation": "less than"}, "Title Case Only", true],
  // change_case:english_capital
  ["change_case:english_capital", {}, "THIS IS A RESPONSE WRITTEN ENTIRELY IN CAPITAL LETTERS ABOUT THE WEATHER TODAY", true],
  ["change_case:english_capital", {}, "YES", false], // langdetect says cy
  ["change_case:english_capital", {}, "123", false],
  ["change_case:english_capital", {}, "This is not all capitals", false],
  // change_case:english_lowercase
  ["change_case:english_lowercase", {}, "this is a response written entirely in lowercase letters about the weather today", true],
  ["change_case:english_lowercase", {}, "etchings", false], // langdetect says de
  // language:response_language
  ["language:response_language", {"language": "fr"}, "Bonjour, comment allez-vous aujourd'hui ? Je vais très bien, merci.", true],
  ["language:response_language", {"language": "fr"}, "Hello, how are you today? I am very well, thank you.", false],
  ["language:response_language", {"language": "de"}, "12345 !!! 67", true], // no features: counted as followed
  // punctuation:no_comma
  ["punctuation:no_comma", {}, "a,b", false],
  ["punctuation:no_comma", {}, "a，b", true],
  // startend:quotation
  ["startend:quotation", {}, "\"hi\"", true],
  ["startend:quotation", {}, "\"", false],
  ["startend:quotation", {}, "  \"hi\"\n", true],
  ["startend:quotation", {}, "\"\"", true],
];

describe('IFEval boundary cases', () => {
  it.each(CASES)('%s %j on %j → %s', (id, kwargs, response, expected) => {
    expect(ifevalFollow({ instruction_id_list: [id], kwargs: [kwargs] }, response).strict).toEqual([expected]);
  });

  it('covers every IFEval id', () => {
    expect(new Set(CASES.map((c) => c[0])).size).toBe(25);
  });

  it('fails every instruction on a blank response, strict and loose', () => {
    for (const [id, kwargs] of CASES) {
      const r = ifevalFollow({ instruction_id_list: [id], kwargs: [kwargs] }, ' \n\t ');
      expect([r.strict[0], r.loose[0]]).toEqual([false, false]);
    }
  });

  it.each([
    ['length_constraints:number_words', { num_words: 3, relation: 'less than' }, 'one two', true],
    ['length_constraints:number_words', { num_words: 3, relation: 'less than' }, 'one two three', false],
    ['length_constraints:number_words', { num_words: 3, relation: 'at least' }, 'one two three', true],
    ['length_constraints:number_words', { num_words: 3, relation: 'at least' }, 'one two', false],
    ['keywords:letter_frequency', { letter: 'a', let_frequency: 2, let_relation: 'less than' }, 'a a', false],
    ['keywords:letter_frequency', { letter: 'a', let_frequency: 2, let_relation: 'at least' }, 'a a', true],
    ['change_case:capital_word_frequency', { capital_frequency: 2, capital_relation: 'less than' }, 'AB CD', false],
    ['change_case:capital_word_frequency', { capital_frequency: 2, capital_relation: 'at least' }, 'AB CD', true],
    ['change_case:capital_word_frequency', { capital_frequency: -1, capital_relation: 'at least' }, 'none here', true],
    ['detectable_content:number_placeholders', { num_placeholders: 0 }, 'no brackets', true],
  ])('threshold: %s %j on %j → %s (less than is <, at least is >=)', (id, kwargs, response, expected) => {
    expect(ifevalFollow({ instruction_id_list: [id], kwargs: [kwargs] }, response).strict).toEqual([expected]);
  });
});
