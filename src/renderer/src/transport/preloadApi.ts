import { Outcome } from '../../../shared/contract';
import type { AnyEvent, WristdeskApi } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { PreloadBridge } from '../../../shared/ipc';
import { parseIncomingEvent, parseResult } from './wireFrames';

/**
 * Electron: turns the preload's bridge into the same WristdeskApi the WebSocket gives.
 * The bridge answers with an Outcome envelope (contextBridge would strip an error's code);
 * envelope, result and events are validated here exactly as on the WebSocket path.
 */
export function wrapPreloadBridge(bridge: PreloadBridge): WristdeskApi {
  return {
    invoke: async (method, params) => {
      const outcome = Outcome.safeParse(await bridge.invoke(method, params));
      if (!outcome.success) throw new AppError('INTERNAL', `The core answered ${method} with an invalid envelope`);
      if (!outcome.data.ok) throw AppError.fromWire(outcome.data.error);
      return parseResult(method, outcome.data.result);
    },
    subscribe: (listener) =>
      bridge.subscribe((raw: AnyEvent) => {
        const event = parseIncomingEvent(raw);
        if (event !== undefined) listener(event);
      }),
  };
}
