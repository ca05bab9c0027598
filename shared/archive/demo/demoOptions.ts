/** What the demo-archive generator plants; everything is derived deterministically from `seed`. */
export type CoordinationBehaviour = 'coretweet' | 'cotweet' | 'colink' | 'coreply';
export const ALL_BEHAVIOURS: readonly CoordinationBehaviour[] = ['coretweet', 'cotweet', 'colink', 'coreply'];

export interface DemoArchiveOptions {
  seed: number;
  /** Total tweet rows (coordinated + background). */
  tweets: number;
  /** Total accounts including group members; default max(300, tweets / 40). */
  accounts?: number;
  /** Planted coordinated groups; default 5. */
  groups?: number;
  groupSizeMin?: number;
  groupSizeMax?: number;
  /** Coordinated events per group and behaviour (each a burst within one minute); default 8. */
  eventsPerBehaviour?: number;
  /** Probability that a member joins an event; default 0.9. */
  participation?: number;
  /** First day of activity, YYYY-MM-DD (UTC); default 2019-03-01. */
  startDate?: string;
  /** Length of the activity period in days; default 183. */
  days?: number;
  /** Day the operation switches from "Twitter for Android" to "Twitter Web Client"; default 2019-06-13. */
  clientSwitchDate?: string;
  /** Share of non-group accounts published hashed; default 0.35 (group members: 0.7). */
  hashedShare?: number;
}

export type ResolvedDemoOptions = Required<DemoArchiveOptions>;

export function resolveDemoOptions(o: DemoArchiveOptions): ResolvedDemoOptions {
  const r: ResolvedDemoOptions = {
    accounts: Math.max(300, Math.round(o.tweets / 40)),
    groups: 5,
    groupSizeMin: 8,
    groupSizeMax: 15,
    eventsPerBehaviour: 8,
    participation: 0.9,
    startDate: '2019-03-01',
    days: 183,
    clientSwitchDate: '2019-06-13',
    hashedShare: 0.35,
    ...stripUndefined(o),
  } as ResolvedDemoOptions;
  if (!Number.isInteger(r.tweets) || r.tweets < 1) throw new Error('tweets must be a positive integer');
  if (r.groupSizeMin < 2 || r.groupSizeMax < r.groupSizeMin) throw new Error('bad group sizes');
  if (r.groups * r.groupSizeMax > r.accounts) throw new Error('more group members than accounts');
  return r;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
