import { IdentifyView } from '../features/identify/IdentifyView';
import { TapFeedback } from '../features/feedback/TapFeedback';
import { SearchView } from '../features/search/SearchView';
import { useSearchShortcut } from '../features/search/useSearchShortcut';
import { SettingsView } from '../features/settings/SettingsView';
import { StatusBar } from '../features/status-bar/StatusBar';
import { useVirtualTapShortcut } from '../features/virtual-reader/useVirtualTapShortcut';
import type { ViewName } from '../store/slices/viewSlice';
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
  useSearchShortcut();
  const view = useAppStore((state) => state.view);

  return (
    <div className="app">
      <StatusBar />
      <ConnectionLostBanner />
      <StartupProblem />
      <main className="app__main">
        <CurrentView view={view} />
      </main>
      <TapFeedback />
    </div>
  );
}

function CurrentView({ view }: { view: ViewName }) {
  switch (view) {
    case 'identify':
      return <IdentifyView />;
    case 'search':
      return <SearchView />;
    case 'settings':
      return <SettingsView />;
  }
}
