/**
 * Log excerpts for inference.extract: application logs with key=value fields, or web server access logs. Every
 * line has the same fields, so the question names one line (by request id or client IP) and one field of it.
 * Difficulty adds lines and, from 3, lets the excerpt run past midnight so that lines carry different dates.
 */
import type { Rng } from '../../core/rng.js';
import { MONTHS, dateField, dayOfIso, digits, exactField, isoTimestamp, numberField, type DocPlan, type Field } from './extract-util.js';

const LINES = [3, 5, 7, 10, 13];
const SERVICES = ['checkout', 'auth', 'catalog', 'payments', 'search', 'gateway'];
const PATHS = ['/api/orders', '/api/cart', '/api/users/{id}', '/login', '/api/products/{id}', '/checkout', '/api/search', '/api/invoices/{id}'];
const OK = [200, 200, 200, 201, 204, 301, 304];
const CLIENT_ERRORS = [400, 401, 403, 404, 409, 429];
const SERVER_ERRORS = [500, 502, 503, 504];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const HEX = '0123456789abcdef';

interface Line {
  day: number;
  seconds: number;
  id: string;
  method: string;
  path: string;
  status: number;
  size: number;
  user: string;
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += HEX[rng.int(0, 15)];
  return s;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Lines in time order; exactly one has a 5xx status, and ids are distinct. */
function drawLines(rng: Rng, d: number, today: number, ipIds: boolean): Line[] {
  const n = LINES[d - 1]!;
  let day = today - rng.int(0, 20);
  // From difficulty 3 the excerpt starts shortly before midnight, so its lines fall on two dates.
  let seconds = d >= 3 ? 86400 - rng.int(60, 1800) : rng.int(6 * 3600, 20 * 3600);
  const errorAt = rng.int(0, n - 1);
  const ids = new Set<string>();
  const lines: Line[] = [];
  for (let i = 0; i < n; i++) {
    let id = ipIds ? `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}` : hex(rng, 8);
    while (ids.has(id)) id = ipIds ? `10.0.${rng.int(0, 255)}.${rng.int(1, 254)}` : hex(rng, 8);
    ids.add(id);
    const status = i === errorAt ? rng.pick(SERVER_ERRORS) : rng.bool(0.25) ? rng.pick(CLIENT_ERRORS) : rng.pick(OK);
    lines.push({
      day,
      seconds,
      id,
      method: rng.pick(METHODS),
      path: rng.pick(PATHS).replace('{id}', String(rng.int(1, 99999))),
      status,
      size: rng.int(120, 98000),
      user: `u${digits(rng, 4)}`,
    });
    seconds += rng.int(1, d >= 3 ? 600 : 120);
    if (seconds >= 86400) {
      seconds -= 86400;
      day += 1;
    }
  }
  return lines;
}

function level(status: number): string {
  return status >= 500 ? 'ERROR' : status >= 400 ? 'WARN ' : 'INFO ';
}

function appLine(l: Line, service: string): string {
  return `${isoTimestamp(l.day, l.seconds)} ${level(l.status)} [${service}] req=${l.id} method=${l.method} path=${l.path} status=${l.status} latency_ms=${l.size % 2000} user=${l.user}`;
}

function accessLine(l: Line): string {
  const t = new Date(l.day * 86_400_000);
  const stamp = `${pad2(t.getUTCDate())}/${MONTHS[t.getUTCMonth()]!.slice(0, 3)}/${t.getUTCFullYear()}:${pad2(Math.floor(l.seconds / 3600))}:${pad2(Math.floor(l.seconds / 60) % 60)}:${pad2(l.seconds % 60)} +0000`;
  return `${l.id} - - [${stamp}] "${l.method} ${l.path} HTTP/1.1" ${l.status} ${l.size}`;
}

export function planLog(rng: Rng, d: number, refDate: string): DocPlan {
  const today = dayOfIso(refDate);
  const access = rng.bool(0.5);
  const lines = drawLines(rng, d, today, access);
  const t = rng.int(0, lines.length - 1);
  const target = lines[t]!;
  const others = lines.filter((_, i) => i !== t);
  const near = [lines[t - 1], lines[t + 1]].filter((l): l is Line => l !== undefined);
  const errorLine = lines.find((l) => l.status >= 500)!;
  const fields: (() => Field)[] = [];
  let document: string;
  if (access) {
    document = lines.map(accessLine).join('\n');
    const who = `the client ${target.id}`;
    fields.push(
      () => numberField(`What HTTP status code did the server return to ${who}?`, target.status, near.map((l) => l.status)),
      () => numberField(`How many bytes did the server send in response to ${who}?`, target.size, near.map((l) => l.size), ['bytes']),
      () => exactField(`Which path did ${who} request?`, target.path, near.map((l) => l.path)),
      () => exactField(`Which HTTP method did ${who} use?`, target.method, [], 'Answer with the method name only.'),
      () => dateField(`On what date did ${who} make its request?`, target.day, accessLine(target).split('[')[1]!.slice(0, 11), [target.day + 1, target.day - 1]),
    );
    if (d >= 2) fields.push(() => exactField('Which client IP address received a server error (a 5xx status)?', errorLine.id, others.map((l) => l.id)));
  } else {
    const service = rng.pick(SERVICES);
    document = lines.map((l) => appLine(l, service)).join('\n');
    const req = `request ${target.id}`;
    fields.push(
      () => numberField(`What status code did ${req} return?`, target.status, near.map((l) => l.status)),
      () => numberField(`What was the latency of ${req}, in milliseconds?`, target.size % 2000, near.map((l) => l.size % 2000), ['ms', 'milliseconds']),
      () => exactField(`Which path did ${req} call?`, target.path, near.map((l) => l.path)),
      () => exactField(`Which user made ${req}?`, target.user, near.map((l) => l.user)),
      () => dateField(`On what date was ${req} logged?`, target.day, isoTimestamp(target.day, target.seconds).slice(0, 10), [target.day + 1, target.day - 1]),
    );
    if (d >= 2) fields.push(() => exactField('What is the request ID on the ERROR line?', errorLine.id, others.map((l) => l.id)));
  }
  return { task: 'log', kind: access ? 'access log' : 'application log', lang: 'text', document, fields };
}
