import type { WristdeskApi } from '../../../shared/contract';
import type { CoreConnection } from '../transport/coreConnection';
import type { AppStore } from './createAppStore';

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
        // One tap, one answer: a tap during a search is answered on Identify. The search is kept
        // in the store, so staff can go back to it.
        if (state.view === 'search') state.showView('identify');
        void state.lookupScan(event.payload);
        return;
      case 'status':
        state.setStatus(event.payload);
        return;
      case 'settings':
        state.setSettingsView(event.payload);
        return;
      case 'syncProgress':
      case 'outbox':
        // Shown by later features (outbox, sync); nothing on these screens depends on them.
        return;
    }
  });

  let previous = connection.getState();
  store.getState().setConnection(previous);
  const unsubscribeConnection = connection.subscribe((state) => {
    store.getState().setConnection(state);
    if (state === 'connected' && previous === 'reconnecting') void store.getState().loadCoreData();
    previous = state;
  });

  void store.getState().loadCoreData();

  return () => {
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
