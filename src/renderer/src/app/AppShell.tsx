import { IdentifyView } from '../features/identify/IdentifyView';
import { TapFeedback } from '../features/feedback/TapFeedback';
import { SettingsView } from '../features/settings/SettingsView';
import { StatusBar } from '../features/status-bar/StatusBar';
import { useVirtualTapShortcut } from '../features/virtual-reader/useVirtualTapShortcut';
import { useAppStore } from '../store/StoreProvider';
import { ConnectionLostBanner } from './ConnectionLostBanner';
import { StartupProblem } from './StartupProblem';
import { useHashRoute } from './useHashRoute';
import { useLanguageSync } from './useLanguageSync';
import { useThemeSync } from './useThemeSync';

/** The layout every view shares: status bar on top, problems under it, then the current view. */
export function AppShell() {
  useHashRoute();
  useLanguageSync();
  useThemeSync();
  useVirtualTapShortcut();
  const view = useAppStore((state) => state.view);

  return (
    <div className="app">
      <StatusBar />
      <ConnectionLostBanner />
      <StartupProblem />
      <main className="app__main">{view === 'settings' ? <SettingsView /> : <IdentifyView />}</main>
      <TapFeedback />
    </div>
  );
}
