import { z } from 'zod';

/**
 * The typed contract between the renderer and its host (Electron main process, or the browser).
 * Every channel is declared once here with runtime schemas for its arguments and result: the
 * preload maps channels onto IPC, main validates arguments before calling a service, and the
 * browser host implements the same interface with web APIs.
 */

export const EgressLogSchema = z.object({
  blockedRequests: z.number().int().nonnegative(),
  /** The first URLs that were blocked (capped), in order. */
  urls: z.array(z.string()),
});
export type EgressLog = z.infer<typeof EgressLogSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  /** Where the app keeps its data on disk, for the user to find, back up or move. */
  dataLocation: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SaveRequestSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  mimeType: z.string().max(100),
});
export type SaveRequest = z.infer<typeof SaveRequestSchema>;

export const SaveTargetSchema = z.object({
  /** Opaque handle for the chunked writes; null when the user cancelled the dialog. */
  id: z.string().nullable(),
  path: z.string().optional(),
});
export type SaveTarget = z.infer<typeof SaveTargetSchema>;

const Id = z.string().min(1).max(100);
const Bytes = z.instanceof(Uint8Array);

/** Every channel: name → argument tuple schema and result schema. */
export const channels = {
  'app:info': { args: z.tuple([]), result: AppInfoSchema },
  'egress:log': { args: z.tuple([]), result: EgressLogSchema },
  'save:begin': { args: z.tuple([SaveRequestSchema]), result: SaveTargetSchema },
  'save:write': { args: z.tuple([Id, Bytes]), result: z.void() },
  'save:end': { args: z.tuple([Id]), result: z.object({ path: z.string(), bytes: z.number() }) },
  'save:abort': { args: z.tuple([Id]), result: z.void() },
} as const;

export type ChannelName = keyof typeof channels;
export type ChannelArgs<C extends ChannelName> = z.infer<(typeof channels)[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.infer<(typeof channels)[C]['result']>;

/** The host API as the renderer sees it: one async function per channel. */
export type HostApi = { [C in ChannelName]: (...args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

/** Name under which the preload exposes the API on `window`. */
export const HOST_API_GLOBAL = 'workbenchHost';

export function parseArgs<C extends ChannelName>(channel: C, args: unknown[]): ChannelArgs<C> {
  const result = channels[channel].args.safeParse(args);
  if (!result.success) {
    throw new Error(`Invalid arguments for ${channel}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data as ChannelArgs<C>;
}

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
