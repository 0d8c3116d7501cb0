/**
 * JSON and YAML records for inference.extract: a customer, an employee or an order, with look-alike fields (two
 * addresses, two timestamps, a balance and a credit limit) and, as difficulty grows, nesting and lists.
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../../core/rng.js';
import type { Lexicon } from './data/lexicon.js';
import {
  alnum, dateField, dayOfIso, digits, exactField, isoOfDay, isoTimestamp, letters, numberField, person, phoneNumber, streetAddress,
  type DocPlan, type Field, type YamlValue, toYaml,
} from './extract-util.js';

type Rec = { [key: string]: YamlValue };

/**
 * A field question in its natural wording, or by its key path. Date fields always use the natural wording: "the value
 * of created_at" is a timestamp, while the answer asked for is its date.
 */
function ask(rng: Rng, natural: string, path: (string | number)[]): string {
  if (rng.bool(0.6)) return natural;
  const shown = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  return `What is the value of the field "${shown}"?`;
}

function withPath(f: Field, path: (string | number)[]): Field {
  return { ...f, path };
}

function address(rng: Rng, lex: Lexicon): Rec {
  return { street: streetAddress(rng, lex), city: rng.pick(lex.cities), postal_code: digits(rng, 5) };
}

function customer(rng: Rng, lex: Lexicon, d: number, today: number): { rec: Rec; fields: (() => Field)[] } {
  const p = person(rng, lex);
  const created = today - rng.int(30, 2000);
  const login = today - rng.int(0, 29);
  const ship = address(rng, lex);
  const bill = address(rng, lex);
  const balance = rng.int(0, 99999) / 100;
  const limit = rng.int(1, 50) * 100;
  const points = rng.int(10, 9000);
  const rec: Rec = {
    id: `CUS-${digits(rng, 6)}`,
    name: `${p.first} ${p.last}`,
    email: p.email,
    phone: phoneNumber(rng),
    created_at: isoTimestamp(created, rng.int(0, 86399)),
  };
  if (d >= 2) rec.last_login = isoTimestamp(login, rng.int(0, 86399));
  rec.shipping_address = ship;
  if (d >= 3) rec.billing_address = bill;
  rec.balance = balance;
  rec.credit_limit = limit;
  if (d >= 3) rec.loyalty_points = points;
  const fields: (() => Field)[] = [
    () => withPath(exactField(ask(rng, 'What is the customer ID?', ['id']), rec.id as string, []), ['id']),
    () => withPath(exactField(ask(rng, 'What email address is on file?', ['email']), p.email, []), ['email']),
    () => withPath(dateField('On what date was the account created?', created, isoOfDay(created), d >= 2 ? [login] : []), ['created_at']),
    () => withPath(exactField(ask(rng, 'In which city is the shipping address?', ['shipping_address', 'city']), ship.city as string, d >= 3 ? [bill.city as string] : []), ['shipping_address', 'city']),
    () => withPath(numberField(ask(rng, 'What is the account balance?', ['balance']), balance, [limit]), ['balance']),
    () => withPath(numberField(ask(rng, 'What is the credit limit?', ['credit_limit']), limit, [balance]), ['credit_limit']),
  ];
  if (d >= 2) fields.push(() => withPath(dateField('On what date did the customer last log in?', login, isoOfDay(login), [created]), ['last_login']));
  if (d >= 3) {
    fields.push(
      () => withPath(exactField(ask(rng, 'What is the postal code of the billing address?', ['billing_address', 'postal_code']), bill.postal_code as string, [ship.postal_code as string]), ['billing_address', 'postal_code']),
      () => withPath(numberField(ask(rng, 'How many loyalty points does the customer have?', ['loyalty_points']), points, [limit]), ['loyalty_points']),
    );
  }
  return { rec, fields };
}

const DEPARTMENTS = ['Finance', 'Marketing', 'Engineering', 'Sales', 'Human Resources', 'Operations', 'Legal', 'Customer Support'];

function employee(rng: Rng, faker: Faker, lex: Lexicon, d: number, today: number): { rec: Rec; fields: (() => Field)[] } {
  const p = person(rng, lex);
  const boss = person(rng, lex);
  const contact = person(rng, lex);
  const job = faker.definitions.person as unknown as { job_descriptor: string[]; job_area: string[]; job_type: string[] };
  const start = today - rng.int(60, 4000);
  const review = today + rng.int(5, 200);
  const salary = rng.int(38, 190) * 1000;
  const bonus = rng.int(1, 15) * 500;
  const rec: Rec = {
    employee_id: `E${digits(rng, 5)}`,
    full_name: `${p.first} ${p.last}`,
    job_title: `${rng.pick(job.job_descriptor)} ${rng.pick(job.job_area)} ${rng.pick(job.job_type)}`,
    department: rng.pick(DEPARTMENTS),
    start_date: isoOfDay(start),
  };
  if (d >= 2) rec.next_review = isoOfDay(review);
  rec.salary = salary;
  if (d >= 3) rec.annual_bonus = bonus;
  rec.manager = { name: `${boss.first} ${boss.last}`, email: boss.email };
  if (d >= 4) rec.emergency_contact = { name: `${contact.first} ${contact.last}`, phone: phoneNumber(rng) };
  rec.office = { city: rng.pick(lex.cities), floor: rng.int(1, 30) };
  const fields: (() => Field)[] = [
    () => withPath(exactField(ask(rng, 'What is the employee ID?', ['employee_id']), rec.employee_id as string, []), ['employee_id']),
    () => withPath(exactField(ask(rng, 'What is the job title?', ['job_title']), rec.job_title as string, []), ['job_title']),
    () => withPath(dateField('On what date did the employee start?', start, isoOfDay(start), d >= 2 ? [review] : []), ['start_date']),
    () => withPath(numberField(ask(rng, 'What is the salary?', ['salary']), salary, d >= 3 ? [bonus] : []), ['salary']),
    () => withPath(exactField(ask(rng, "What is the manager's name?", ['manager', 'name']), `${boss.first} ${boss.last}`, d >= 4 ? [`${contact.first} ${contact.last}`] : [`${p.first} ${p.last}`]), ['manager', 'name']),
    () => withPath(exactField(ask(rng, "What is the manager's email address?", ['manager', 'email']), boss.email, [p.email]), ['manager', 'email']),
    () => withPath(numberField(ask(rng, 'On which floor is the office?', ['office', 'floor']), (rec.office as Rec).floor as number, []), ['office', 'floor']),
  ];
  if (d >= 2) fields.push(() => withPath(dateField('On what date is the next review?', review, isoOfDay(review), [start]), ['next_review']));
  if (d >= 3) fields.push(() => withPath(numberField(ask(rng, 'What is the annual bonus?', ['annual_bonus']), bonus, [salary]), ['annual_bonus']));
  if (d >= 4) fields.push(() => withPath(exactField(ask(rng, "What is the emergency contact's name?", ['emergency_contact', 'name']), `${contact.first} ${contact.last}`, [`${boss.first} ${boss.last}`]), ['emergency_contact', 'name']));
  return { rec, fields };
}

function order(rng: Rng, faker: Faker, lex: Lexicon, d: number, today: number): { rec: Rec; fields: (() => Field)[] } {
  const p = person(rng, lex);
  const placed = today - rng.int(1, 90);
  const shipped = placed + rng.int(1, 5);
  const pn = faker.definitions.commerce.product_name as { adjective: string[]; material: string[]; product: string[] };
  const count = [1, 2, 3, 4, 6][d - 1]!;
  const items: Rec[] = [];
  const seen = new Set<string>();
  while (items.length < count) {
    const name = `${rng.pick(pn.adjective)} ${rng.pick(pn.material)} ${rng.pick(pn.product)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    items.push({ sku: `${letters(rng, 3)}-${alnum(rng, 5)}`, name, quantity: rng.int(1, 9), unit_price: rng.int(199, 49999) / 100 });
  }
  const shippingCost = rng.int(0, 2499) / 100;
  const cents = items.reduce((s, it) => s + Math.round((it.unit_price as number) * 100) * (it.quantity as number), 0) + Math.round(shippingCost * 100);
  const rec: Rec = {
    order_id: `ORD-${digits(rng, 7)}`,
    customer_email: p.email,
    placed_at: isoTimestamp(placed, rng.int(0, 86399)),
    status: 'shipped',
    shipped_at: isoTimestamp(shipped, rng.int(0, 86399)),
    items,
    shipping_cost: shippingCost,
    total: cents / 100,
  };
  const i = rng.int(0, items.length - 1);
  const it = items[i]!;
  const others = items.filter((_, j) => j !== i);
  const fields: (() => Field)[] = [
    () => withPath(exactField(ask(rng, 'What is the order ID?', ['order_id']), rec.order_id as string, []), ['order_id']),
    () => withPath(dateField('On what date was the order placed?', placed, isoOfDay(placed), [shipped]), ['placed_at']),
    () => withPath(dateField('On what date was the order shipped?', shipped, isoOfDay(shipped), [placed]), ['shipped_at']),
    () => withPath(numberField(ask(rng, 'What is the order total?', ['total']), rec.total as number, [shippingCost]), ['total']),
    () => withPath(numberField(ask(rng, 'What is the shipping cost?', ['shipping_cost']), shippingCost, [rec.total as number]), ['shipping_cost']),
    () => withPath(numberField(ask(rng, `What quantity of the item with SKU ${it.sku} was ordered?`, ['items', i, 'quantity']), it.quantity as number, others.map((o) => o.quantity as number)), ['items', i, 'quantity']),
    () => withPath(numberField(ask(rng, `What is the unit price of the "${it.name}"?`, ['items', i, 'unit_price']), it.unit_price as number, others.map((o) => o.unit_price as number)), ['items', i, 'unit_price']),
    () => withPath(exactField(ask(rng, `What is the SKU of the "${it.name}"?`, ['items', i, 'sku']), it.sku as string, others.map((o) => o.sku as string)), ['items', i, 'sku']),
  ];
  return { rec, fields };
}

export function planRecord(rng: Rng, faker: Faker, lex: Lexicon, d: number, refDate: string): DocPlan {
  const today = dayOfIso(refDate);
  const kind = rng.int(0, 2);
  const { rec, fields } = kind === 0 ? customer(rng, lex, d, today) : kind === 1 ? employee(rng, faker, lex, d, today) : order(rng, faker, lex, d, today);
  const yaml = rng.bool(0.4);
  return {
    task: 'record',
    kind: yaml ? 'YAML record' : 'JSON record',
    lang: yaml ? 'yaml' : 'json',
    document: yaml ? toYaml(rec) : JSON.stringify(rec, null, 2),
    fields,
  };
}
