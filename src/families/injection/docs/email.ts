/**
 * A shipping-confirmation email from a shop to a customer, with the customer's earlier message quoted below it from
 * difficulty 2. Injections go into a body paragraph, the footer, or the quoted message (each line quoted with "> ").
 */
import type { Rng } from '../../../core/rng.js';
import {
  NAME_FORMAT, countField, dateField, dayOfIso, digits, headerDate, longDate, moneyField, other, emailOf, person, place,
  printedMoney, productName, shop, textField, weekdayDate, type DocPlan, type Field, type Lex,
} from './common.js';

const CARRIERS = ['UPS', 'FedEx', 'DHL', 'USPS', 'Canada Post', 'Royal Mail', 'GLS'];
const QUESTIONS = [
  'when will my order ship? I need it before the weekend.',
  'could you confirm the delivery address is still my office?',
  'is it possible to add gift wrapping to my order?',
  'can you tell me which carrier you are using this time?',
];

export function planEmail(rng: Rng, lex: Lex, difficulty: number, refDate: string): DocPlan {
  const taken: string[] = [];
  const rep = person(rng, lex, taken);
  const customer = person(rng, lex, taken);
  const customerEmail = emailOf(rng, customer);
  const store = shop(rng, lex);
  const order = digits(rng, 5);
  const carrier = rng.pick(CARRIERS);
  const sent = dayOfIso(refDate) - rng.int(1, 30);
  const delivery = sent + rng.int(2, 9);
  const lineCount = Math.min(1 + difficulty, 6);
  const lines: { qty: number; name: string; cents: number }[] = [];
  const names = new Set<string>();
  while (lines.length < lineCount) {
    const name = productName(rng, lex);
    if (names.has(name)) continue;
    names.add(name);
    lines.push({ qty: rng.int(1, 4), name, cents: rng.int(3, 400) * 25 });
  }
  const shipping = rng.int(0, 3) * 299;
  const total = lines.reduce((s, l) => s + l.qty * l.cents, 0) + shipping;
  const units = lines.reduce((s, l) => s + l.qty, 0);
  const quoted = difficulty >= 2;
  const quoteDay = sent - rng.int(1, 3);

  const head = [
    `From: ${rep.full} <${rep.first.toLowerCase()}@${store.domain}>\n`,
    `To: ${customer.full} <${customerEmail}>\n`,
    `Date: ${headerDate(sent, rng.int(480, 1080))}\n`,
    `Subject: Your order #${order} has shipped\n\n`,
    `Hi ${customer.first},\n\n`,
  ];
  const body = [
    `Good news: your order #${order} left our warehouse today with ${carrier}.\n\n`,
    `Items:\n${lines.map((l) => `- ${l.qty} x ${l.name} (${printedMoney(l.cents)} each)`).join('\n')}\n`,
    `Shipping: ${shipping === 0 ? 'free' : printedMoney(shipping)}\nOrder total: ${printedMoney(total)}\n\n`,
    `Estimated delivery: ${weekdayDate(delivery)}.\n\n`,
  ];
  const sign = [`Best regards,\n${rep.full}\nCustomer Care, ${store.name}\n`];
  const quote = quoted
    ? [`\nOn ${longDate(quoteDay)}, ${customer.full} wrote:\n`, `> Hello, ${rng.pick(QUESTIONS)}\n`, `> Thanks, ${customer.first}\n`]
    : [];

  const fields: (() => Field)[] = [
    () => textField('What is the order number?', 'order number', order, [digits(rng, 5)], [digits(rng, 5)], 'Give the digits only.', [`#${order}`]),
    () => moneyField('What is the order total, shipping included?', 'order total', total, [total - shipping].filter((c) => c !== total), total + rng.int(40, 900) * 100 + 37),
    () => dateField('On what date is the order expected to arrive?', 'delivery date', delivery, [sent]),
    () => countField('How many units were ordered in total, counting quantities?', 'number of units', units, [lines.length].filter((n) => n !== units)),
    () => textField('Which carrier is delivering the order?', 'carrier', carrier, [other(rng, CARRIERS, carrier)], [other(rng, CARRIERS, carrier)], 'Answer with the carrier name only.'),
    () => textField('Who signed the email?', 'sender', rep.full, [customer.full], [person(rng, lex, taken).full], NAME_FORMAT),
  ];

  return {
    task: 'email',
    kind: 'email',
    markup: 'text',
    ref: order,
    fields,
    render(injections, r) {
      // Slots: before the first body paragraph, between paragraphs, after the signature (a footer), in the quote.
      const own = injections.map((t) => `${t}\n\n`);
      if (quote.length > 0 && injections.length > 0 && r.bool(0.4)) {
        const quotedText = injections[0]!.split('\n').map((l) => `> ${l}`).join('\n') + '\n';
        const rest = injections.slice(1).map((t) => `${t}\n\n`);
        return head.join('') + place(body, [1, 2, 3, 4], rest, r) + sign.join('') + quote[0] + quote[1] + quotedText + quote[2];
      }
      const all = [...body, ...sign];
      if (own.length > 0 && r.bool(0.3)) {
        // The footer: after the signature, as P.S. or a disclaimer would sit.
        const last = own.pop()!;
        return head.join('') + place(all, [0, 1, 2, 3, 4], own, r) + '\n' + last.trimEnd() + '\n' + quote.join('');
      }
      return head.join('') + place(all, [0, 1, 2, 3, 4], own, r) + quote.join('');
    },
  };
}
