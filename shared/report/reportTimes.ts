/**
 * Times as the report prints them. Archived tweet times are UTC minutes (no seconds exist in the
 * archive), so both renderings stop at the minute.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** "2019-06-18 12:06 UTC" from UTC minutes since the epoch. */
export function utcMinuteText(minutes: number): string {
  const d = new Date(minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2019-06-18 20:06" (or "…:06:09" with seconds) and the zone's offset ("GMT+8"), of an instant in an IANA zone. */
function zonedText(ms: number, timeZone: string, seconds: boolean): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}${seconds ? `:${get('second')}` : ''} ${get('timeZoneName')} (${timeZone})`;
}

/** "2019-06-18 20:06 GMT+8 (Asia/Hong_Kong)" from UTC minutes, in an IANA zone. */
export function zonedMinuteText(minutes: number, timeZone: string): string {
  return zonedText(minutes * 60_000, timeZone, false);
}

/** "2026-11-28 17:10 UTC" from an ISO 8601 instant: an import's time, as the app says it (the time itself when it is not one). */
export function utcInstantMinuteText(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : utcMinuteText(Math.floor(t / 60_000));
}

/** "2026-11-28 17:10:26 UTC" from an ISO 8601 instant. */
export function utcInstantText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

/**
 * "2026-12-06 15:14:09 GMT+8 (Asia/Hong_Kong)" from an ISO 8601 instant, in the analyst's IANA zone
 * ("2026-12-06 07:14:09 UTC" when that zone is UTC; the time itself when it is not one).
 */
export function zonedInstantText(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return timeZone === 'UTC' ? utcInstantText(iso) : zonedText(t, timeZone, true);
}
