/**
 * Days as the app writes them everywhere: ISO 8601 yyyy-mm-dd, a UTC day. A typed day is checked
 * here, not by the browser's date field, whose format follows the system locale (04/01/2019 in
 * en-US, 01/04/2019 elsewhere: the same digits, two days).
 */
export const DAY_FORMAT = 'yyyy-mm-dd';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Day 0 of the next month is this month's last; setUTCFullYear, as Date.UTC reads years 0–99 as 1900–1999. */
function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** Why `text` is not a day written yyyy-mm-dd (a sentence naming it), or '' when it is one (or empty). */
export function dayProblem(text: string): string {
  if (text === '') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return `“${text}” is not a day written ${DAY_FORMAT} (for example 2019-04-01).`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `“${text}” is not a day: the month (${m[2]}) must be 01 to 12.`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `“${text}” is not a day: ${MONTHS[month - 1]} ${m[1]} has days 01 to ${last}.`;
  return '';
}
