import type { ScanEvent } from '../../../shared/model';
import type { AppStore } from './createAppStore';

/**
 * The one place that decides what a tap means (DESIGN §6):
 * - an open action refuses a barcode; otherwise a barcode (from a scanner) opens the barcode search;
 * - the admin's "tap a known wristband" calibration step (Settings) takes a tap as that band;
 * - an action waiting for "tap the new wristband" takes it as that wristband;
 * - a reason/confirm dialog refuses it (nothing on screen changes, the action stays as it was);
 * - otherwise it is looked up: on the Gate view in place, elsewhere on Identify.
 */
export function routeScan(store: AppStore, scan: ScanEvent): void {
  const state = store.getState();
  const pending = state.pendingAction;
  if (scan.kind === 'barcode') {
    // A ticket's barcode is never a wristband for an action, and never drops one half done.
    if (pending !== null) state.refuseTap();
    else {
      state.closeTickowebOrder();
      void state.searchForBarcode(scan.uid);
    }
    return;
  }
  // A read that can identify no band (a random ID) can be neither a calibration band nor a new wristband.
  if (scan.problem !== undefined && (pending !== null || state.uidCalibration.phase === 'waiting')) {
    if (pending !== null) state.refuseTap();
    return;
  }
  if (state.uidCalibration.phase === 'waiting') {
    void state.calibrateWithTap(scan.uid);
    return;
  }
  if (pending?.step === 'tap') {
    state.acceptNewUid(scan.uid);
    return;
  }
  if (pending !== null) {
    state.refuseTap();
    return;
  }
  // One tap, one answer: a tap during a search is answered on Identify. The search is kept in
  // the store, so staff can go back to it.
  if (state.view === 'search') state.showView('identify');
  state.closeTickowebOrder();
  state.clearActionResult();
  void state.lookupScan(scan);
}
