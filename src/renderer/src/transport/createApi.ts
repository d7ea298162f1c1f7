import type { WristdeskApi } from '../../../shared/contract';
import { preloadGlobalName } from '../../../shared/ipc';
import type { PreloadBridge } from '../../../shared/ipc';
import { alwaysConnected, type CoreConnection } from './coreConnection';
import { coreSocketUrl, readAccessKey } from './coreAddress';
import { wrapPreloadBridge } from './preloadApi';
import { WebSocketApi } from './webSocketApi';

declare global {
  interface Window {
    /** Set by the Electron preload (see shared/ipc.ts); absent in browser mode. */
    [preloadGlobalName]?: PreloadBridge;
  }
}

/**
 * How this renderer reaches the core. Only this module knows there are two transports;
 * everything else gets a WristdeskApi and a CoreConnection.
 */
export type Transport =
  | { kind: 'ready'; api: WristdeskApi; connection: CoreConnection }
  /** Browser mode opened without `?key=…`: the core would refuse the socket. */
  | { kind: 'missing-key' };

export interface TransportEnvironment {
  preload: PreloadBridge | undefined;
  location: Pick<Location, 'protocol' | 'host' | 'search'>;
}

export function createTransport(
  environment: TransportEnvironment = { preload: window[preloadGlobalName], location: window.location },
): Transport {
  if (environment.preload !== undefined) {
    return { kind: 'ready', api: wrapPreloadBridge(environment.preload), connection: alwaysConnected };
  }
  const key = readAccessKey(environment.location.search);
  if (key === null) return { kind: 'missing-key' };
  const socketApi = new WebSocketApi({ url: coreSocketUrl(environment.location, key) });
  return { kind: 'ready', api: socketApi, connection: socketApi.connection };
}

/** The API alone, for callers that do not show connection state. */
export function createApi(): WristdeskApi {
  const transport = createTransport();
  if (transport.kind === 'missing-key') {
    throw new Error('Browser mode needs the access key: open the address printed by `npm run serve`');
  }
  return transport.api;
}
