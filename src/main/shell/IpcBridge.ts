import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Outcome } from '../../shared/contract';
import { ipcChannels } from '../../shared/ipc';
import type { Core } from '../core/Core';
import { dispatch } from '../core/dispatch';
import { isTrustedRendererUrl } from './trustedRenderer';
import type { RendererLocation } from './trustedRenderer';

/**
 * Carries the contract over Electron IPC: one invoke channel validated by dispatch(), one event
 * channel pushed to our window. A message from any frame but our top-level page is refused.
 */
export function registerIpc(ipcMain: IpcMain, core: Core, location: RendererLocation): () => void {
  ipcMain.handle(ipcChannels.invoke, async (event: IpcMainInvokeEvent, method: unknown, params: unknown): Promise<Outcome> => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null || !isTrustedRendererUrl(frame.url, location)) {
      core.log.warn('IPC from an untrusted frame refused', { url: frame?.url });
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This frame may not use Wristdesk' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'INVALID_REQUEST', message: 'Method must be a string' } };
    }
    return dispatch(core.handlers, method, params, core.log);
  });
  return () => ipcMain.removeHandler(ipcChannels.invoke);
}

/** Pushes core events to a window for as long as it lives. */
export function forwardEvents(core: Core, contents: WebContents): () => void {
  const unsubscribe = core.events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(ipcChannels.event, event);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
