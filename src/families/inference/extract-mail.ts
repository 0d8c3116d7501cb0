/**
 * Emails and invoices for inference.extract. Each document carries look-alike fields (an order date and a delivery
 * date, a total and a shipping fee, a subtotal and a total due), more of them as difficulty grows, so the question
 * has to be read with care.
 */
import type { Faker } from '@faker-js/faker';
import { markdownTable } from '../../core/render.js';
import type { Rng } from '../../core/rng.js';
import type { Lexicon } from './data/lexicon.js';
import {
  alnum, business, dateField, dayOfIso, digits, exactField, headerDate, letters, moneyField, numberField, person, phoneNumber,
  printedMoney, showDate, streetAddress, type DateStyle, type DocPlan, type Field,
} from './extract-util.js';

const STYLES: readonly DateStyle[] = ['long', 'dmy', 'short', 'weekday', 'iso'];

function orderEmail(rng: Rng, lex: Lexicon, d: number, today: number): DocPlan {
  const shop = business(rng, lex);
  const agent = person(rng, lex);
  const customer = person(rng, lex);
  const sent = today - rng.int(0, 40);
  const ordered = sent - rng.int(1, 6);
  const delivery = sent + rng.int(2, 9);
  const style = rng.pick(STYLES);
  const orderNo = `${letters(rng, 2)}-${digits(rng, 6)}`;
  const tracking = `1Z${alnum(rng, 14)}`;
  const phone = phoneNumber(rng);
  const warehouse = phoneNumber(rng);
  const shipping = rng.int(3, 15) * 100 + rng.pick([0, 49, 95, 99]);
  const total = rng.int(15, d >= 4 ? 2400 : 400) * 100 + rng.int(0, 99) + shipping;
  const discount = rng.int(2, 20) * 100;
  const sender = `orders@${shop.domain}`;
  const subject = `Your order ${orderNo} has shipped`;
  const body: string[] = [
    `Hi ${customer.first},`,
    '',
    `Thank you for your order ${orderNo}, placed on ${showDate(ordered, style)}. It is on its way!`,
    d >= 2
      ? `We have charged ${printedMoney(total)} to your card, including ${printedMoney(shipping)} for shipping.`
      : `We have charged ${printedMoney(total)} to your card.`,
  ];
  if (d >= 4) body.push(`You saved ${printedMoney(discount)} with the code ${letters(rng, 4)}${rng.int(10, 99)}.`);
  body.push(`Your parcel should arrive on ${showDate(delivery, style)}.`);
  if (d >= 3) body.push(`Tracking number: ${tracking}`);
  body.push(`If you have any questions, call our support team at ${phone}.`);
  if (d >= 3) body.push(`For collections, our warehouse desk is at ${warehouse}.`);
  body.push('', 'Best regards,', `${agent.first} ${agent.last}`, `${shop.name} Customer Care`);
  const document = [
    `From: ${shop.name} <${sender}>`,
    `To: ${customer.first} ${customer.last} <${customer.email}>`,
    `Date: ${headerDate(sent, rng.int(7 * 60, 21 * 60))}`,
    `Subject: ${subject}`,
    '',
    ...body,
  ].join('\n');
  const fields: (() => Field)[] = [
    () => exactField('What is the order number?', orderNo, d >= 3 ? [tracking] : []),
    () => exactField('Which email address was this email sent to?', customer.email, [sender], 'Answer with the email address only.'),
    () => exactField('Which email address was this email sent from?', sender, [customer.email], 'Answer with the email address only.'),
    () => dateField('On what date was the order placed?', ordered, showDate(ordered, style), [delivery, sent]),
    () => dateField('On what date should the parcel arrive?', delivery, showDate(delivery, style), [ordered, sent]),
    () => dateField('On what date was this email sent?', sent, headerDate(sent, 0).slice(0, 16), [ordered, delivery]),
    () => moneyField('How much was charged to the card in total?', total, d >= 2 ? [shipping, total - shipping] : []),
    () => exactField('What phone number should the customer call with questions?', phone, d >= 3 ? [warehouse] : [], 'Give the phone number exactly as written.'),
  ];
  if (d >= 2) fields.push(() => moneyField('How much was charged for shipping?', shipping, [total, discount]));
  if (d >= 3) fields.push(() => exactField('What is the tracking number?', tracking, [orderNo]));
  if (d >= 4) fields.push(() => moneyField('How much did the discount code save?', discount, [shipping, total]));
  return { task: 'email', kind: 'email', lang: 'text', document, fields };
}

const ROOMS = ['Standard Double', 'Deluxe King', 'Twin Room', 'Junior Suite', 'Family Room', 'Sea View Double'];

function bookingEmail(rng: Rng, lex: Lexicon, d: number, today: number): DocPlan {
  const hotel = `${rng.pick(lex.surnames)} ${rng.pick(['Hotel', 'Inn', 'Lodge', 'Suites'])}`;
  const domain = `${hotel.toLowerCase().replace(' ', '')}.com`;
  const guest = person(rng, lex);
  const sent = today - rng.int(0, 30);
  const checkIn = sent + rng.int(5, 60);
  const nights = rng.int(1, d >= 3 ? 9 : 4);
  const checkOut = checkIn + nights;
  const guests = rng.int(1, 4);
  const style = rng.pick(STYLES);
  const ref = `${letters(rng, 3)}${digits(rng, 5)}`;
  const rate = rng.int(79, 420) * 100;
  const total = rate * nights;
  const deposit = d >= 2 ? Math.round(total / (rng.int(2, 5) * 100)) * 100 : 0;
  const phone = phoneNumber(rng);
  const lines = [
    `From: ${hotel} Reservations <bookings@${domain}>`,
    `To: ${guest.email}`,
    `Date: ${headerDate(sent, rng.int(8 * 60, 20 * 60))}`,
    `Subject: Booking confirmation ${ref}`,
    '',
    `Dear ${guest.first} ${guest.last},`,
    '',
    `Your reservation ${ref} at the ${hotel} is confirmed.`,
    '',
    `Check-in: ${showDate(checkIn, style)}, from 3 pm`,
    `Check-out: ${showDate(checkOut, style)}, by 11 am`,
    `Room: ${rng.pick(ROOMS)}, ${nights} ${nights === 1 ? 'night' : 'nights'}, ${guests} ${guests === 1 ? 'guest' : 'guests'}`,
    `Rate: ${printedMoney(rate)} per night`,
    `Total price: ${printedMoney(total)}`,
  ];
  if (d >= 2) lines.push(`A deposit of ${printedMoney(deposit)} has been charged; the rest is due at check-in.`);
  lines.push('', `Questions about your stay? Call the front desk at ${phone}.`, '', 'We look forward to welcoming you.', `The ${hotel} team`);
  const fields: (() => Field)[] = [
    () => exactField('What is the booking reference?', ref, []),
    () => dateField('On what date is check-in?', checkIn, showDate(checkIn, style), [checkOut, sent]),
    () => dateField('On what date is check-out?', checkOut, showDate(checkOut, style), [checkIn, sent]),
    () => moneyField('What is the total price of the stay?', total, d >= 2 ? [rate, deposit] : [rate]),
    () => moneyField('What is the nightly rate?', rate, [total]),
    () => numberField('How many nights is the stay?', nights, [guests], ['nights']),
    () => exactField('What phone number does the email give for the front desk?', phone, [], 'Give the phone number exactly as written.'),
  ];
  if (d >= 2) fields.push(() => moneyField('How much deposit has been charged?', deposit, [total, rate]));
  return { task: 'email', kind: 'email', lang: 'text', document: lines.join('\n'), fields };
}

const SERVICES = ['Consulting hours', 'Website maintenance', 'Logo design', 'Printer toner', 'Cloud hosting (monthly)', 'Office chairs', 'Network cabling', 'Data backup service', 'Training session', 'Laptop stand'];

function invoice(rng: Rng, faker: Faker, lex: Lexicon, d: number, today: number): DocPlan {
  const seller = business(rng, lex);
  const buyer = person(rng, lex);
  const issued = today - rng.int(0, 45);
  const due = issued + rng.pick([14, 15, 30, 45]);
  const style = rng.pick(STYLES);
  const number = `INV-${digits(rng, 4)}-${digits(rng, 3)}`;
  const lineCount = [rng.int(1, 2), rng.int(2, 3), rng.int(3, 4), rng.int(4, 6), rng.int(6, 8)][d - 1]!;
  const pn = faker.definitions.commerce.product_name as { adjective: string[]; product: string[] };
  const names = new Set<string>();
  while (names.size < lineCount) names.add(rng.bool(0.5) ? rng.pick(SERVICES) : `${rng.pick(pn.adjective)} ${rng.pick(pn.product)}`);
  const items = [...names].map((name) => {
    const qty = rng.int(1, 24);
    const unit = rng.int(5, d >= 4 ? 900 : 250) * 100 + rng.pick([0, 0, 50, 99, 25]);
    return { name, qty, unit, amount: qty * unit };
  });
  const subtotal = items.reduce((s, it) => s + it.amount, 0);
  const rateTenths = rng.pick([50, 60, 70, 75, 80, 85, 100]);
  // Tax in whole cents, rounded half up from an exact integer ratio.
  const tax = d >= 2 ? Math.floor((subtotal * rateTenths) / 1000 + 0.5) : 0;
  const total = subtotal + tax;
  // A partial payment, so that the total, the amount paid and the balance are three different amounts.
  const paid = d >= 5 ? Math.floor((total * rng.int(20, 60)) / 100) : 0;
  const table = markdownTable(['Description', 'Qty', 'Unit price', 'Amount'], items.map((it) => [it.name, it.qty, printedMoney(it.unit), printedMoney(it.amount)]));
  const lines = [
    `INVOICE ${number}`,
    `${seller.name}, ${streetAddress(rng, lex)}`,
    '',
    `Bill to: ${buyer.first} ${buyer.last}`,
    `Invoice date: ${showDate(issued, style)}`,
    `Due date: ${showDate(due, style)}`,
    '',
    table,
    '',
    `Subtotal: ${printedMoney(subtotal)}`,
  ];
  if (d >= 2) lines.push(`Tax (${rateTenths / 10}%): ${printedMoney(tax)}`);
  lines.push(`Total: ${printedMoney(total)}`);
  if (d >= 5) lines.push(`Amount paid: ${printedMoney(paid)}`, `Balance due: ${printedMoney(total - paid)}`);
  lines.push('', `Please pay by the due date. Questions: billing@${seller.domain}`);
  const item = rng.pick(items);
  const others = items.filter((it) => it !== item);
  const fields: (() => Field)[] = [
    () => exactField('What is the invoice number?', number, []),
    () => exactField('Who is the invoice billed to?', `${buyer.first} ${buyer.last}`, [seller.name], 'Answer with the full name.'),
    () => dateField('What is the invoice date?', issued, showDate(issued, style), [due]),
    () => dateField('By what date must the invoice be paid?', due, showDate(due, style), [issued]),
    () => moneyField('What is the invoice total?', total, d >= 2 ? [subtotal, tax] : []),
    () => numberField(`How many units of "${item.name}" are billed?`, item.qty, others.map((o) => o.qty)),
    () => moneyField(`What is the unit price of "${item.name}"?`, item.unit, [item.amount, ...others.map((o) => o.unit)]),
    () => moneyField(`What is the line amount for "${item.name}"?`, item.amount, [item.unit, ...others.map((o) => o.amount)]),
  ];
  if (d >= 2) fields.push(() => moneyField('How much tax is charged?', tax, [subtotal, total]), () => moneyField('What is the subtotal before tax?', subtotal, [total, tax]));
  if (d >= 5) fields.push(() => moneyField('What balance is still due?', total - paid, [total, paid]));
  return { task: 'invoice', kind: 'invoice', lang: 'text', document: lines.join('\n'), fields };
}

export function planMail(rng: Rng, faker: Faker, lex: Lexicon, d: number, refDate: string): DocPlan {
  const today = dayOfIso(refDate);
  switch (rng.int(0, 2)) {
    case 0:
      return orderEmail(rng, lex, d, today);
    case 1:
      return bookingEmail(rng, lex, d, today);
    default:
      return invoice(rng, faker, lex, d, today);
  }
}
