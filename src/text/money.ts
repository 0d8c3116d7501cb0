/** Money amounts held as integer cents, written out without locale (Intl would depend on the machine). */

/** Two digits, zero-padded. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Cents as a canonical decimal string: 114000 -> "1140.00". */
export function plainMoney(cents: number): string {
  return `${Math.floor(cents / 100)}.${pad2(cents % 100)}`;
}

/** Cents as printed on a document: 114000 -> "$1,140.00". */
export function printedMoney(cents: number): string {
  const whole = String(Math.floor(cents / 100));
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  return `$${grouped}.${pad2(cents % 100)}`;
}
