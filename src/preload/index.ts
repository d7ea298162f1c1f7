import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { AnyEvent, Outcome } from '../shared/contract';
import { ipcChannels, preloadGlobalName } from '../shared/ipc';
import type { PreloadBridge } from '../shared/ipc';

// Exposes two functions and nothing else: no ipcRenderer, no channel names chosen by the page,
// and listeners never receive the IpcRendererEvent (it would leak event.sender).
const bridge: PreloadBridge = {
  invoke: (method: string, params: unknown) =>
    ipcRenderer.invoke(ipcChannels.invoke, method, params) as Promise<Outcome>,
  subscribe: (listener: (event: AnyEvent) => void) => {
    const forward = (_event: IpcRendererEvent, message: AnyEvent): void => listener(message);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward);
    };
  },
};

contextBridge.exposeInMainWorld(preloadGlobalName, bridge);
