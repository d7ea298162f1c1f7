import type { WireError } from '../../../../shared/errors';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export type StartupState =
  | { phase: 'loading' }
  | { phase: 'ready' }
  | { phase: 'failed'; error: WireError };

export interface StartupSlice {
  startup: StartupState;
  /** Fetches app info, status and settings; run at start and after every reconnect. */
  loadCoreData: () => Promise<void>;
}

export const createStartupSlice: SliceCreator<StartupSlice> =
  ({ api }) =>
  (set, get) => ({
    startup: { phase: 'loading' },
    loadCoreData: async () => {
      if (get().startup.phase === 'failed') set({ startup: { phase: 'loading' } });
      const [appInfo, status, settingsView, admin] = await Promise.allSettled([
        api.invoke('app.info', {}),
        api.invoke('status.get', {}),
        api.invoke('settings.get', {}),
        api.invoke('admin.status', {}),
      ]);
      // Keep whatever arrived: a partial picture beats none while the rest is retried.
      if (appInfo.status === 'fulfilled') get().setAppInfo(appInfo.value);
      if (status.status === 'fulfilled') get().setStatus(status.value);
      if (settingsView.status === 'fulfilled') get().setSettingsView(settingsView.value);
      if (admin.status === 'fulfilled') get().setAdmin(admin.value);
      const failure = [appInfo, status, settingsView, admin].find((outcome) => outcome.status === 'rejected');
      set({
        startup:
          failure === undefined ? { phase: 'ready' } : { phase: 'failed', error: toAppError(failure.reason).toWire() },
      });
    },
  });
