import { ipcMain } from 'electron';
import { channels } from '../../shared/api/hostApi';
import { dispatchIpc } from './dispatch';
import type { HostHandlers } from './hostHandlers';

export function registerIpc(handlers: HostHandlers): void {
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatchIpc(handlers, channel, event.senderFrame?.url, args));
  }
}
