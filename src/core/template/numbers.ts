/** Arithmetic with Java's integer rules, and the `numberformat` filter's DecimalFormat subset. */
import { en } from '../report/l10n';
import { ValueError } from './errors';

/**
 * Pebble computes integer ⊕ integer in long arithmetic (7 / 2 = 3) and anything with a decimal in
 * double. JSON data loses the difference between 3 and 3.0, so an integral value counts as integer.
 */
export function arithmetic(op: '+' | '-' | '*' | '/' | '%', a: number, b: number, decimal = false): number {
  const integral = !decimal && Number.isInteger(a) && Number.isInteger(b);
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (!integral) return a / b;
      if (b === 0) throw new ValueError(en`Division by zero.`);
      return Math.trunc(a / b);
    case '%':
      if (integral && b === 0) throw new ValueError(en`Division by zero (in "%").`);
      return a % b;
  }
}

/** java.text.DecimalFormat for patterns like "#,##0.00", "0.#", "#%"; HALF_EVEN rounding. */
export function decimalFormat(n: number, pattern: string): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '∞' : '-∞';
  const positive = pattern.split(';')[0]!;
  const m = /^([^#0,.]*)([#0,]*)(?:\.([#0]*))?([^#0,.]*)$/.exec(positive);
  if (!m || (m[2] === '' && m[3] === undefined)) throw new ValueError(en`Unsupported number format "${pattern}": use digits (#, 0), "," and ".".`);
  const [, prefix, intPart, fracPart = '', suffix] = m as unknown as [string, string, string, string | undefined, string];
  let value = n;
  if (prefix.includes('%') || suffix.includes('%')) value *= 100;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const lastComma = intPart.lastIndexOf(',');
  const group = lastComma === -1 ? 0 : intPart.length - lastComma - 1;
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = fracPart.length;

  const negative = value < 0 || Object.is(value, -0);
  let [intDigits, fracDigits] = roundHalfEven(Math.abs(value), maxFrac);
  fracDigits = fracDigits.replace(/0+$/, '');
  if (fracDigits.length < minFrac) fracDigits = fracDigits.padEnd(minFrac, '0');
  intDigits = intDigits.replace(/^0+/, '');
  if (intDigits.length < minInt) intDigits = intDigits.padStart(minInt, '0');
  if (intDigits === '' && fracDigits === '') intDigits = '0';
  if (group > 0) intDigits = intDigits.replace(new RegExp(`\\B(?=(\\d{${group}})+(?!\\d))`, 'g'), ',');
  const body = intDigits + (fracDigits ? '.' + fracDigits : '');
  const isZero = !/[1-9]/.test(body);
  return (negative && !isZero ? '-' : '') + prefix + body + suffix;
}

/** Default NumberFormat of an English locale: grouping, at most 3 decimals. */
export function defaultNumberFormat(n: number): string {
  return decimalFormat(n, '#,##0.###');
}

function roundHalfEven(abs: number, digits: number): [string, string] {
  const fixed = abs.toFixed(Math.min(100, digits));
  // toFixed rounds exact ties up; DecimalFormat rounds them to even.
  const scaled = abs * 10 ** digits;
  if (digits <= 15 && Math.abs(scaled - Math.trunc(scaled) - 0.5) === 0 && Number.isSafeInteger(Math.trunc(scaled))) {
    const down = Math.trunc(scaled);
    const even = down % 2 === 0 ? down : down + 1;
    const s = String(even).padStart(digits + 1, '0');
    return [s.slice(0, s.length - digits), s.slice(s.length - digits)];
  }
  const [i, f = ''] = fixed.split('.');
  return [i!, f];
}
