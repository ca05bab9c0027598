import { isChannelName, parseArgs, type ChannelName } from '../../shared/api/hostApi';
import { isTrustedSenderUrl } from '../security/senderCheck';
import type { HostHandlers } from './hostHandlers';

/**
 * One IPC call: refuse untrusted senders and unknown channels, validate the arguments against the
 * contract's schema, then call the handler. Independent of Electron so Node tests exercise it.
 */
export async function dispatchIpc(handlers: HostHandlers, channel: string, senderUrl: string | undefined, args: unknown[]): Promise<unknown> {
  if (!isTrustedSenderUrl(senderUrl)) throw new Error(`IPC refused: untrusted sender ${senderUrl ?? '(none)'}`);
  if (!isChannelName(channel)) throw new Error(`IPC refused: unknown channel ${channel}`);
  const parsed = parseArgs(channel, args) as unknown[];
  const handler = handlers[channel as ChannelName] as (...a: unknown[]) => Promise<unknown>;
  return handler(...parsed);
}
