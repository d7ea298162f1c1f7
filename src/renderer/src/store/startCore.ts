import type { WristdeskApi } from '../../../shared/contract';
import type { CoreConnection } from '../transport/coreConnection';
import type { AppStore } from './createAppStore';
import { routeScan } from './routeScan';

/**
 * Connects a store to the core: routes pushed events into it, tracks the connection, and
 * loads the initial data (again after every reconnect, since events may have been missed).
 * Returns a function that undoes the wiring.
 */
export function startCore(store: AppStore, api: WristdeskApi, connection: CoreConnection): () => void {
  const unsubscribeEvents = api.subscribe((event) => {
    const state = store.getState();
    switch (event.event) {
      case 'scan':
        routeScan(store, event.payload);
        return;
      case 'status':
        state.setStatus(event.payload);
        return;
      case 'settings':
        state.setSettingsView(event.payload);
        return;
      case 'admin':
        state.setAdmin(event.payload);
        return;
      case 'syncProgress':
        state.prewarmProgress(event.payload);
        return;
      case 'outbox':
        state.outboxChanged(event.payload);
        return;
      case 'tickoweb':
        state.setTickowebSummary(event.payload);
        return;
      case 'lookupRefreshed':
        state.lookupRefreshed(event.payload.revalidation, event.payload.result);
        return;
    }
  });

  let previous = connection.getState();
  store.getState().setConnection(previous);
  const unsubscribeConnection = connection.subscribe((state) => {
    store.getState().setConnection(state);
    if (state === 'connected' && previous === 'reconnecting') {
      void store.getState().loadCoreData();
      void store.getState().loadOperator();
      void store.getState().loadOutboxSummary();
      void store.getState().loadTickowebSummary();
    }
    previous = state;
  });

  void store.getState().loadCoreData();
  // Apart from loadCoreData: not knowing who is signed in must not read as a startup failure.
  void store.getState().loadOperator();
  // Also apart: a core without an outbox summary must not read as a startup failure either.
  void store.getState().loadOutboxSummary();
  // Also apart: a core without a Tickoweb mirror leaves the app as it was.
  void store.getState().loadTickowebSummary();

  return () => {
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
