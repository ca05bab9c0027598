import type { AppInfo, ChannelArgs, ChannelName, ChannelResult, EgressLog } from '../../shared/api/hostApi';
import type { SaveFileService } from '../services/saveFileService';

export type HostHandlers = { [C in ChannelName]: (...args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

export interface HostServices {
  appInfo: () => AppInfo;
  egressLog: () => EgressLog;
  saves: SaveFileService;
}

/** Maps every channel of the contract onto a service call. Pure: Node tests call it directly. */
export function createHostHandlers(services: HostServices): HostHandlers {
  return {
    'app:info': async () => services.appInfo(),
    'egress:log': async () => services.egressLog(),
    'save:begin': (request) => services.saves.begin(request),
    'save:write': (id, chunk) => services.saves.write(id, chunk),
    'save:end': (id) => services.saves.end(id),
    'save:abort': (id) => services.saves.abort(id),
  };
}
