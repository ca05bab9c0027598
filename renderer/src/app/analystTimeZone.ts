/**
 * The time zone the analyst reads times in: chosen on the Overview (remembered in this profile),
 * used by the charts and named in the evidence report, so the report says the zone the analyst
 * worked in, not the computer's.
 */
const ZONE_KEY = 'dw.explore.timeZone';

/** Old IANA names some systems still report, read as their current names. */
const RENAMED_ZONES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Rangoon': 'Asia/Yangon', 'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv', 'America/Godthab': 'America/Nuuk', 'Atlantic/Faeroe': 'Atlantic/Faroe', 'Pacific/Ponape': 'Pacific/Pohnpei', 'Pacific/Truk': 'Pacific/Chuuk',
};

export const currentZoneName = (zone: string): string => RENAMED_ZONES[zone] ?? zone;

/** The zone chosen on the Overview; null where none was. */
export function chosenTimeZone(): string | null {
  const saved = localStorage.getItem(ZONE_KEY);
  return saved ? currentZoneName(saved) : null;
}

export function saveTimeZone(zone: string): void {
  localStorage.setItem(ZONE_KEY, zone);
}

/** The evidence report's analyst zone: the chosen one, else UTC, as the charts show it (never the computer's zone, which no chart used). */
export function reportTimeZone(): string {
  return chosenTimeZone() ?? 'UTC';
}
