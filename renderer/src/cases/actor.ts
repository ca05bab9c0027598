import type { KeyStatus } from '../../../shared/api/hostApi';
import { host } from '../host/host';

/** Who custody entries name: the key's principal, or 'analyst' before a key exists. */
export const actorOf = (k: KeyStatus | undefined): string => k?.principal ?? 'analyst';

/** actorOf the key as it is now: read when an action needs it, not kept live by every button or card. */
export const currentActor = async (): Promise<string> => actorOf(await host['keys:status']());
