import type { AppState } from './appState';

/** Demo if either the core's status or its app info says so. */
/** The latest status decides (the admin may have connected Venue Manager since start); app info until the first status. */
export const selectIsDemo = (state: AppState): boolean => (state.status === null ? state.appInfo?.demo === true : state.status.demo);

export const selectLanguageSetting = (state: AppState) => state.settingsView?.settings.language ?? 'auto';

export const selectTheme = (state: AppState) => state.settingsView?.settings.theme ?? 'dark';
