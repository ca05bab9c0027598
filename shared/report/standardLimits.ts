/** Limits every report states, whatever the case (the analyst may add more). */
export const STANDARD_LIMITS: readonly string[] = [
  'The platform hashed the id, screen name and display name of many accounts (documented as those with fewer than 5,000 followers; the real files do not follow the rule exactly): a hashed account cannot be linked to a live profile, and hashes join only within one release.',
  'Times are archived to the minute (UTC); nothing finer exists, so ordering within one minute is unknown and "simultaneous" means "same minute".',
  'An archive shows what the platform chose to disclose about accounts it attributed to an operation: it does not show who saw or believed a post, deleted content the platform did not include, accounts it did not attribute, or the operation\'s activity on other platforms.',
  'Engagement counts are those archived at collection time; they are not live figures and may include engagement by accounts outside the release.',
  'Attribution to a state actor is the platform\'s; this report documents what the archive contains and how it was analysed, not who ran the accounts.',
];
