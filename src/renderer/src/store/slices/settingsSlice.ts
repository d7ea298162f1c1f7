import type { Result } from '../../../../shared/contract';
import type { SecretName, SettingsPatch, SettingsView } from '../../../../shared/settings';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export interface SettingsSlice {
  /** From `settings.get`, then replaced by every `settings` event and every successful change. */
  settingsView: SettingsView | null;
  setSettingsView: (view: SettingsView) => void;
  /** Sends the patch; rejects with an AppError, leaving the state as the core last reported it. */
  updateSettings: (patch: SettingsPatch) => Promise<SettingsView>;
  /**
   * Applies a display setting (language, theme) on screen at once, then stores it; the screen
   * returns to the stored value if the core refuses it.
   */
  applyDisplaySetting: (patch: DisplayPatch) => Promise<SettingsView>;
  setSecret: (name: SecretName, value: string) => Promise<SettingsView>;
  clearSecret: (name: SecretName) => Promise<SettingsView>;
  /** Admin only: forgets the desk's tap log; resolves to how many taps were forgotten. */
  clearLocalData: () => Promise<number>;
  /** What the lookup cache holds; null when the core could not say. */
  loadCacheSummary: () => Promise<Result<'cache.summary'> | null>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> =
  ({ api }) =>
  (set, get) => {
    const remember = async (request: Promise<SettingsView>): Promise<SettingsView> => {
      try {
        const view = await request;
        set({ settingsView: view });
        return view;
      } catch (error) {
        throw toAppError(error);
      }
    };

    return {
      settingsView: null,
      setSettingsView: (settingsView) => set({ settingsView }),
      updateSettings: (patch) => remember(api.invoke('settings.update', patch)),
      applyDisplaySetting: async (patch) => {
        const before = get().settingsView;
        if (before !== null) set({ settingsView: withSettings(before, patch) });
        try {
          return await remember(api.invoke('settings.update', patch));
        } catch (error) {
          // Roll back only what is still showing the refused value: an event may have landed meanwhile.
          const now = get().settingsView;
          if (before !== null && now !== null && stillShows(now, patch)) {
            set({ settingsView: withSettings(now, displayValues(before, patch)) });
          }
          throw error;
        }
      },
      setSecret: (name, value) => remember(api.invoke('secrets.set', { name, value })),
      clearSecret: (name) => remember(api.invoke('secrets.clear', { name })),
      loadCacheSummary: async () => {
        try {
          return await api.invoke('cache.summary', {});
        } catch {
          return null;
        }
      },
      clearLocalData: async () => {
        try {
          return (await api.invoke('data.clear', {})).scans;
        } catch (error) {
          throw toAppError(error);
        }
      },
    };
  };

type DisplayPatch = Pick<SettingsPatch, 'language' | 'theme'>;

function withSettings(view: SettingsView, patch: DisplayPatch): SettingsView {
  return { ...view, settings: { ...view.settings, ...patch } };
}

function stillShows(view: SettingsView, patch: DisplayPatch): boolean {
  return (
    (patch.language === undefined || view.settings.language === patch.language) &&
    (patch.theme === undefined || view.settings.theme === patch.theme)
  );
}

/** The values `view` has for the keys `patch` touches. */
function displayValues(view: SettingsView, patch: DisplayPatch): DisplayPatch {
  return {
    ...(patch.language === undefined ? {} : { language: view.settings.language }),
    ...(patch.theme === undefined ? {} : { theme: view.settings.theme }),
  };
}
