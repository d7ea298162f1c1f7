import { useState } from 'react';
import { ActionDialog } from '../features/actions/ActionDialog';
import { AdminPinSetup } from '../features/admin/AdminPinSetup';
import { AuditView } from '../features/audit/AuditView';
import { ActionFeedback } from '../features/feedback/ActionFeedback';
import { createTonePlayer } from '../features/feedback/tonePlayer';
import { GateView } from '../features/gate/GateView';
import { IdentifyView } from '../features/identify/IdentifyView';
import { TapFeedback } from '../features/feedback/TapFeedback';
import { OutboxView } from '../features/outbox/OutboxView';
import { ReaderTestView } from '../features/readers/ReaderTestView';
import { SearchView } from '../features/search/SearchView';
import { useSearchShortcut } from '../features/search/useSearchShortcut';
import { SettingsView } from '../features/settings/SettingsView';
import { StatusBar } from '../features/status-bar/StatusBar';
import { TickowebOrderView } from '../features/tickoweb/TickowebOrderView';
import { useVirtualTapShortcut } from '../features/virtual-reader/useVirtualTapShortcut';
import { VirtualReaderPanel } from '../features/virtual-reader/VirtualReaderPanel';
import { useWedgeCapture } from '../features/wedge/useWedgeCapture';
import { WedgeProblem } from '../features/wedge/WedgeProblem';
import { selectIsDemo } from '../store/selectors';
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
  useWedgeCapture();
  const view = useAppStore((state) => state.view);
  // A Tickoweb order opened from a search hit or an Identify link stands in for that view until closed.
  const tickowebOrder = useAppStore((state) => (state.tickowebOrder?.view === state.view ? state.tickowebOrder : null));
  const firstRun = useAppStore((state) => state.admin?.pinSet === false);
  // The demo's reader sits beside every screen a real reader works on, as a real one would.
  const withReader = useAppStore(selectIsDemo) && view !== 'settings' && !firstRun;
  // One audio context for taps and actions alike.
  const [player] = useState(createTonePlayer);

  return (
    <div className="app">
      <StatusBar />
      <ConnectionLostBanner />
      <StartupProblem />
      <WedgeProblem />
      <main className={withReader ? 'app__main app__main--with-reader' : 'app__main'}>
        <div className="app__view">
          {firstRun ? (
            <AdminPinSetup />
          ) : tickowebOrder !== null ? (
            <TickowebOrderView key={tickowebOrder.request} opened={tickowebOrder} />
          ) : (
            <CurrentView view={view} />
          )}
        </div>
        {withReader && <VirtualReaderPanel />}
      </main>
      <ActionDialog />
      <TapFeedback player={player} />
      <ActionFeedback player={player} />
    </div>
  );
}

function CurrentView({ view }: { view: ViewName }) {
  switch (view) {
    case 'identify':
      return <IdentifyView />;
    case 'search':
      return <SearchView />;
    case 'gate':
      return <GateView />;
    case 'outbox':
      return <OutboxView />;
    case 'audit':
      return <AuditView />;
    case 'readers':
      return <ReaderTestView />;
    case 'settings':
      return <SettingsView />;
  }
}
