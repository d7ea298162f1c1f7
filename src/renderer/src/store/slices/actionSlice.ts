import type { ActionKind } from '../../../../shared/actions';
import type { Result } from '../../../../shared/contract';
import type { WireError } from '../../../../shared/errors';
import type { OwnerMatch } from '../../../../shared/model';
import type { RecentReasons } from '../../../../shared/settings';
import { toAppError } from '../../transport/toAppError';
import type { AppState, SliceCreator } from '../appState';

/**
 * The fix being prepared. Replace and Add start by waiting for the new wristband's tap
 * (`step: 'tap'`); every action then asks for a reason and a confirmation (`step: 'reason'`).
 */
export interface PendingAction {
  kind: ActionKind;
  step: 'tap' | 'reason';
  /** The product as it was shown when the action started. */
  match: OwnerMatch;
  /** Block and Replace: the wristband acted on. Add and Comment: null. */
  uid: string | null;
  /** Replace and Add: the wristband tapped (or typed) in the first step, once known. */
  newUid: string | null;
  submitting: boolean;
  error: WireError | null;
  /** Taps refused while the dialog was open (DESIGN §6); > 0 shows the "tap refused" message. */
  refusedTaps: number;
  /**
   * The last confirmed submission: its request id and the text it sent. Confirming the same
   * text again (after a dropped connection, say) sends the same id, so the core queues the
   * action only once; a changed text is a new submission with a new id.
   */
  submission: { requestId: string; text: string } | null;
}

/** The last finished action, shown until the next tap or the next action. */
export interface ActionResultView {
  kind: ActionKind;
  /** Stored in the outbox, to be sent when Venue Manager answers (not yet done). */
  queued: boolean;
  productId: number;
  uid: string | null;
  newUid: string | null;
  ownerName: string | null;
}

/** A sound request; `seq` changes for every one so the same tone can play twice. */
export interface FeedbackSignal {
  seq: number;
  tone: 'found' | 'queued' | 'error';
}

export interface ActionSlice {
  pendingAction: PendingAction | null;
  actionResult: ActionResultView | null;
  feedbackSignal: FeedbackSignal | null;
  /** Does nothing while nobody is signed in: the buttons explain why they are disabled. */
  startAction: (kind: ActionKind, match: OwnerMatch, uid: string | null) => void;
  cancelAction: () => void;
  /** The new wristband for Replace/Add, from a tap (routeScan) or typed by hand. */
  acceptNewUid: (uid: string) => void;
  /** A tap arrived while the reason/confirm dialog was open: it changes nothing but says so. */
  refuseTap: () => void;
  /** `remember`: a reason typed by hand, to offer again next time (not for comments or presets). */
  confirmAction: (text: string, remember: boolean) => Promise<void>;
  clearActionResult: () => void;
}

export const createActionSlice: SliceCreator<ActionSlice> =
  ({ api }) =>
  (set, get) => {
    const signal = (tone: FeedbackSignal['tone']) =>
      set((state) => ({ feedbackSignal: { seq: (state.feedbackSignal?.seq ?? 0) + 1, tone } }));

    const send = (pending: PendingAction, text: string, requestId: string): Promise<Result<'actions.block'>> => {
      const productId = pending.match.product.id;
      switch (pending.kind) {
        case 'block':
          return api.invoke('actions.block', { productId, uid: pending.uid ?? '', reason: text, requestId });
        case 'replace':
          return api.invoke('actions.replace', { productId, uid: pending.uid ?? '', newUid: pending.newUid ?? '', reason: text, requestId });
        case 'add':
          return api.invoke('actions.add', { productId, uid: pending.newUid ?? '', reason: text, requestId });
        case 'comment':
          return api.invoke('actions.comment', { productId, comment: text, requestId });
      }
    };

    const remember = (kind: ActionKind, reason: string) => {
      const view = get().settingsView;
      if (kind === 'comment' || view === null) return;
      const recentReasons: RecentReasons = {
        ...view.settings.recentReasons,
        [kind]: withRecentReason(view.settings.recentReasons[kind], reason),
      };
      // The action itself succeeded; a reason that could not be remembered is not worth an alarm.
      get().updateSettings({ recentReasons }).catch(() => {});
    };

    return {
      pendingAction: null,
      actionResult: null,
      feedbackSignal: null,
      startAction: (kind, match, uid) => {
        if (get().operator === null) return;
        const step = kind === 'replace' || kind === 'add' ? 'tap' : 'reason';
        set({
          actionResult: null,
          pendingAction: { kind, step, match, uid, newUid: null, submitting: false, error: null, refusedTaps: 0, submission: null },
        });
      },
      cancelAction: () => set({ pendingAction: null }),
      acceptNewUid: (uid) => {
        const pending = get().pendingAction;
        const trimmed = uid.trim();
        if (pending?.step !== 'tap' || trimmed === '') return;
        // Taps refused while waiting were unusable reads, not taps during the reason step.
        set({ pendingAction: { ...pending, step: 'reason', newUid: trimmed, refusedTaps: 0 } });
      },
      refuseTap: () => {
        const pending = get().pendingAction;
        if (pending === null) return;
        set({ pendingAction: { ...pending, refusedTaps: pending.refusedTaps + 1 } });
        signal('error');
      },
      confirmAction: async (text, rememberIt) => {
        const pending = get().pendingAction;
        if (pending?.step !== 'reason' || pending.submitting) return;
        const trimmed = text.trim();
        // The same submission confirmed again keeps its id; a changed text is a new one.
        const submission =
          pending.submission !== null && pending.submission.text === trimmed ? pending.submission : { requestId: newRequestId(), text: trimmed };
        const submitting = { ...pending, submitting: true, error: null, submission };
        set({ pendingAction: submitting });
        try {
          const result = await send(pending, trimmed, submission.requestId);
          const match = result.match ?? pending.match;
          // The product changed (or has the action pending) even if the dialog was cancelled meanwhile: show it.
          set((state) => ({
            ...(result.match === undefined ? {} : withUpdatedMatch(state, result.match)),
            pendingAction: state.pendingAction === submitting ? null : state.pendingAction,
            actionResult: {
              kind: pending.kind,
              queued: result.outcome === 'queued',
              productId: match.product.id,
              uid: pending.uid,
              newUid: pending.newUid,
              ownerName: match.address.name,
            },
          }));
          signal(result.outcome === 'queued' ? 'queued' : 'found');
          if (rememberIt) remember(pending.kind, trimmed);
        } catch (error) {
          if (get().pendingAction === submitting) {
            set({ pendingAction: { ...submitting, submitting: false, error: toAppError(error).toWire() } });
          }
          signal('error');
        }
      },
      clearActionResult: () => set({ actionResult: null }),
    };
  };

/**
 * A fresh request id (a v4 UUID). `crypto.randomUUID` needs a secure context, which browser
 * mode served to another computer over plain HTTP is not; `getRandomValues` works everywhere.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Newest first, no duplicates, at most 10 (the settings schema's limit). */
export function withRecentReason(list: readonly string[], reason: string): string[] {
  return [reason, ...list.filter((existing) => existing !== reason)].slice(0, 10);
}

/** Every place that shows this product (Identify's matches, Search's opened product) gets the server's new state. */
function withUpdatedMatch(state: AppState, match: OwnerMatch): Partial<AppState> {
  const update: Partial<AppState> = {};
  const { identify, openedProduct } = state;
  if (identify.phase === 'answered' && identify.result.kind === 'found') {
    const [first, ...rest] = identify.result.matches.map((shown) => (shown.product.id === match.product.id ? match : shown));
    // The action's answer is newer than a lookup still being revalidated: that late answer must not undo it.
    const { refreshing: _refreshing, revalidation: _revalidation, ...result } = identify.result;
    if (first !== undefined) update.identify = { ...identify, result: { ...result, matches: [first, ...rest] } };
  }
  if (openedProduct?.phase === 'loaded' && openedProduct.match.product.id === match.product.id) {
    update.openedProduct = { ...openedProduct, match };
  }
  return update;
}
