/**
 * Near misses of an instruct item: its witness with one constraint broken in the most natural way (a keyword
 * dropped, the case changed, the end phrase removed, a comma added, ...), and the empty response. Each candidate is
 * kept only if the item's verifier rejects it, so a mutation that happens to keep every constraint satisfied is
 * never offered as a miss.
 */
import { pyStrip } from '../../text/python.js';
import { sentencesOf } from './witness-util.js';
import { verifyIfeval, type IfevalTruth } from './ifeval.js';

type Kw = Record<string, any>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const removeAll = (text: string, word: string) => text.replace(new RegExp(escapeRe(word), 'gi'), '');

function breakOne(id: string, k: Kw, w: string): string | null {
  switch (id) {
    case 'keywords:existence':
      return (k.keywords as string[]).reduce((t, kw) => removeAll(t, kw), w);
    case 'keywords:frequency':
      return k.relation === 'at least' ? removeAll(w, k.keyword) : `${w} ${`${k.keyword} `.repeat(k.frequency).trim()}`;
    case 'keywords:forbidden_words':
      return `${w} ${(k.forbidden_words as string[])[0]}`;
    case 'keywords:letter_frequency':
      return k.let_relation === 'at least' ? removeAll(w, k.letter) : `${w} ${String(k.letter).repeat(k.let_frequency)}`;
    case 'language:response_language':
      return 'The market opens early in the morning. The river runs through the old town. Many people visit the library.';
    case 'length_constraints:number_sentences':
      if (k.relation === 'less than') return `${w} ${'Another sentence follows here. '.repeat(k.num_sentences)}`;
      return sentencesOf(w)[0] ?? null;
    case 'length_constraints:number_words':
      return k.relation === 'less than' ? `${w} ${'word '.repeat(k.num_words)}` : (pyStrip(w).split(/\s+/)[0] ?? '');
    case 'length_constraints:number_paragraphs':
      return `${w}\n\n***\n\nOne more paragraph is here.`;
    case 'length_constraints:nth_paragraph_first_word':
      return `${w}\n\nOne more paragraph is here.`;
    case 'detectable_content:number_placeholders':
      return w.replace(/[[\]]/g, '');
    case 'detectable_content:postscript':
      return w.replace(/P\.\s?P\.\s?S|P\.\s?S\./gi, 'Note');
    case 'detectable_format:number_bullet_lists':
      return `${w}\n* One more point`;
    case 'detectable_format:constrained_response':
      return w.replace(/My answer is (yes|no|maybe)\./g, 'The answer follows.');
    case 'detectable_format:number_highlighted_sections':
      return w.replace(/\*/g, '');
    case 'detectable_format:multiple_sections':
      return w.split(pyStrip(String(k.section_spliter))).join('Part');
    case 'detectable_format:json_format':
      return `${w}\nThat is the data.`;
    case 'detectable_format:title':
      return w.replace(/<<|>>/g, '');
    case 'combination:two_responses':
      return w.split('******').join('');
    case 'combination:repeat_prompt':
      return `Sure. ${w}`;
    case 'startend:end_checker':
      return `${w}\nThe end.`;
    case 'startend:quotation':
      return pyStrip(w).replace(/^"/, '');
    case 'change_case:capital_word_frequency':
      return k.capital_relation === 'at least' ? w.toLowerCase() : `${w} ${'NOTE '.repeat(k.capital_frequency).trim()}`;
    case 'change_case:english_capital':
      return w.toLowerCase();
    case 'change_case:english_lowercase':
      return `The ${w}`;
    case 'punctuation:no_comma':
      return w.replace(' ', ', ');
    default:
      return null;
  }
}

export function instructNearMisses(truth: IfevalTruth, witness: string): string[] {
  const out: string[] = [''];
  truth.instruction_id_list.forEach((id, i) => {
    const miss = breakOne(id, (truth.kwargs[i] ?? {}) as Kw, witness);
    if (miss !== null && miss !== witness && !out.includes(miss) && !verifyIfeval(truth, miss).pass) out.push(miss);
  });
  return out;
}
