import type { AppState } from './appState';

/** Demo if either the core's status or its app info says so. */
export const selectIsDemo = (state: AppState): boolean =>
  state.status?.demo === true || state.appInfo?.demo === true;

export const selectLanguageSetting = (state: AppState) => state.settingsView?.settings.language ?? 'auto';

export const selectTheme = (state: AppState) => state.settingsView?.settings.theme ?? 'dark';
