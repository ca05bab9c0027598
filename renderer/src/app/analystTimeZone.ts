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

/** The zone chosen on the Overview, else UTC: what the charts show and the evidence report names (never the computer's zone, which no chart used). */
export function analystTimeZone(): string {
  const saved = localStorage.getItem(ZONE_KEY);
  return saved ? currentZoneName(saved) : 'UTC';
}

export function saveTimeZone(zone: string): void {
  localStorage.setItem(ZONE_KEY, zone);
}
