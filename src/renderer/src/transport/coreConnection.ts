/**
 * Whether the renderer can currently reach the Wristdesk core. Electron IPC is always
 * connected; the browser-mode WebSocket can drop and come back.
 *
 * - `connecting`: first attempt, requests are held until it opens.
 * - `connected`: requests flow.
 * - `reconnecting`: the link was lost (or never came up); requests fail at once with NETWORK.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface CoreConnection {
  getState(): ConnectionState;
  /** Returns an unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

export const alwaysConnected: CoreConnection = {
  getState: () => 'connected',
  subscribe: () => () => {},
};
