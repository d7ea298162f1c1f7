// Deliberately free of runtime imports: the sandboxed preload bundles this file and may not
// require any package.
import type { AnyEvent, Outcome } from './contract';

export const ipcChannels = { invoke: 'wristdesk:invoke', event: 'wristdesk:event' } as const;

/** The global name under which the preload exposes PreloadBridge. */
export const preloadGlobalName = 'wristdeskBridge';

/**
 * What the preload exposes. Errors come back as an Outcome, not a rejection, because
 * contextBridge drops an Error's own fields (the code); the renderer's IpcApi unwraps it into
 * the same WristdeskApi the WebSocket transport gives.
 */
export interface PreloadBridge {
  invoke(method: string, params: unknown): Promise<Outcome>;
  subscribe(listener: (event: AnyEvent) => void): () => void;
}
