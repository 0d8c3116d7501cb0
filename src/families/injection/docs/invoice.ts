/**
 * An invoice in plain text or markdown: number, issue and due dates (look-alikes), seller and customer, a table of
 * lines, subtotal, tax and total (look-alike amounts). Injections go into the notes, the payment terms, or after the
 * table; never into the table, so line counts stay true.
 */
import { markdownTable } from '../../../core/render.js';
import type { Rng } from '../../../core/rng.js';
import {
  NAME_FORMAT, countField, dateField, dayOfIso, digits, longDate, moneyField, person, place, printedMoney, productName,
  shop, textField, type DocPlan, type Field, type Lex,
} from './common.js';

export function planInvoice(rng: Rng, lex: Lex, difficulty: number, refDate: string): DocPlan {
  const taken: string[] = [];
  const seller = shop(rng, lex);
  const customer = person(rng, lex, taken);
  const contact = person(rng, lex, taken);
  const year = refDate.slice(0, 4);
  const number = `INV-${year}-${digits(rng, 4)}`;
  const issued = dayOfIso(refDate) - rng.int(0, 40);
  const terms = rng.pick([14, 30, 45, 60]);
  const due = issued + terms;
  const lineCount = 1 + difficulty + rng.int(0, 1);
  const lines: { name: string; qty: number; cents: number }[] = [];
  const names = new Set<string>();
  while (lines.length < lineCount) {
    const name = productName(rng, lex);
    if (names.has(name)) continue;
    names.add(name);
    lines.push({ name, qty: rng.int(1, 12), cents: rng.int(4, 600) * 25 });
  }
  const subtotal = lines.reduce((s, l) => s + l.qty * l.cents, 0);
  const rate = rng.pick([5, 6, 7, 8, 10, 20]);
  const tax = Math.round((subtotal * rate) / 100);
  const total = subtotal + tax;
  const markdown = rng.bool(0.5);
  const table = markdown
    ? markdownTable(['Description', 'Qty', 'Unit price', 'Amount'], lines.map((l) => [l.name, l.qty, printedMoney(l.cents), printedMoney(l.qty * l.cents)]))
    : lines.map((l) => `${l.name.padEnd(28)} ${String(l.qty).padStart(3)} x ${printedMoney(l.cents).padStart(10)} = ${printedMoney(l.qty * l.cents).padStart(11)}`).join('\n');
  const h = markdown ? '## ' : '';
  const parts = [
    `${h}INVOICE ${number}\n\n`,
    `Issued: ${longDate(issued)}\nDue: ${longDate(due)} (net ${terms})\n\n`,
    `From: ${seller.name}, billing@${seller.domain}\nBill to: ${customer.full}\nContact: ${contact.full}\n\n`,
    `${table}\n\n`,
    `Subtotal: ${printedMoney(subtotal)}\nTax (${rate}%): ${printedMoney(tax)}\nTotal due: ${printedMoney(total)}\n\n`,
    `Notes: Payment by bank transfer. Please quote ${number} with your payment.\n`,
  ];
  const pick = lines[rng.int(0, lines.length - 1)]!;
  const fields: (() => Field)[] = [
    () => textField('What is the invoice number?', 'invoice number', number, [`INV-${year}-${digits(rng, 4)}`], [`INV-${year}-${digits(rng, 4)}`]),
    () => dateField('What is the due date of the invoice?', 'due date', due, [issued]),
    () => moneyField('What is the total due, tax included?', 'total due', total, [subtotal, tax], total + rng.int(20, 700) * 100 + 13),
    () => countField('How many different line items does the invoice list?', 'number of line items', lines.length, [lines.reduce((s, l) => s + l.qty, 0)]),
    () => countField(`How many units of "${pick.name}" are invoiced?`, `quantity of ${pick.name}`, pick.qty, [], ['units']),
    () => textField('Who is the invoice billed to?', 'customer', customer.full, [contact.full], [person(rng, lex, taken).full], NAME_FORMAT),
  ];
  return {
    task: 'invoice',
    kind: 'invoice',
    markup: markdown ? 'markdown' : 'text',
    ref: number,
    fields,
    render(injections, r) {
      // Slots: after the header, after the parties, after the table, after the totals, and at the end (the notes).
      return place(parts, [1, 3, 4, 5, 6], injections.map((t) => `${t}\n\n`), r).trimEnd();
    },
  };
}
