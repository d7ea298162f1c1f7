import type { AppInfo } from '../../../../shared/contract';
import type { SliceCreator } from '../appState';

export interface AppInfoSlice {
  appInfo: AppInfo | null;
  setAppInfo: (appInfo: AppInfo) => void;
}

export const createAppInfoSlice: SliceCreator<AppInfoSlice> = () => (set) => ({
  appInfo: null,
  setAppInfo: (appInfo) => set({ appInfo }),
});
