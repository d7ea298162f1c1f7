import type { AuditEntry } from '../../../src/shared/audit';
import type { OutboxItemView, OutboxState, OutboxSummary, QueuedAction } from '../../../src/shared/outbox';
import type { Handlers } from './FakeApi';

export const bandA = '04A2B3C4D5E6C1';
export const bandB = '04BBBBBBBBBB02';

export function outboxSummary(overrides: Partial<OutboxSummary> = {}): OutboxSummary {
  return { pending: 0, conflicts: 0, failed: 0, possibleDuplicates: 0, ...overrides };
}

/** A queued block by Anna, made three minutes before `now`; override what a test is about. */
export function outboxItem(id: string, state: OutboxState, overrides: Partial<OutboxItemView> = {}, now = Date.now()): OutboxItemView {
  const action: QueuedAction = { kind: 'block', productId: 5551, uid: bandA, reason: 'Lost' };
  return {
    id,
    seq: 1,
    action,
    operator: 'Anna',
    desk: 'Help desk',
    createdAt: now - 3 * 60_000,
    state,
    attempts: 0,
    nextAttemptAt: now,
    mayHaveApplied: false,
    possibleDuplicate: false,
    lastError: null,
    outcome: null,
    decidedBy: null,
    decision: null,
    replacedBy: null,
    decisionReason: null,
    finishedAt: null,
    ...overrides,
  };
}

/** An outbox core: the list answers by state like the real one, newest first as given. */
export function outboxDesk(items: OutboxItemView[], summary: OutboxSummary, signedIn = true): Handlers {
  return {
    ...(signedIn ? { 'operator.current': () => ({ name: 'Anna', since: 1 }) } : {}),
    'outbox.summary': () => summary,
    'outbox.list': ({ states }) => ({ items: states === undefined ? items : items.filter((item) => states.includes(item.state)) }),
  };
}

export function auditEntry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: Date.UTC(2026, 6, 4, 10, 0, id % 60),
    operator: 'Anna',
    desk: 'Help desk',
    action: 'block',
    productId: 5551,
    uid: bandA,
    newUid: null,
    reason: 'Lost',
    outcome: 'done',
    errorCode: null,
    serverMessage: null,
    finishedAt: Date.UTC(2026, 6, 4, 10, 1),
    ...overrides,
  };
}

/** Records the tones the app plays: WebAudio reduced to the oscillator frequencies asked for. */
export class ToneRecorder {
  readonly frequencies: number[] = [];
  private previous: PropertyDescriptor | undefined;

  install(): void {
    this.previous = Object.getOwnPropertyDescriptor(globalThis, 'AudioContext');
    const frequencies = this.frequencies;
    class FakeAudioContext {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume() {
        return Promise.resolve();
      }
      createOscillator() {
        return {
          type: 'sine',
          frequency: { setValueAtTime: (hz: number) => frequencies.push(hz) },
          connect: (node: unknown) => node,
          start: () => undefined,
          stop: () => undefined,
        };
      }
      createGain() {
        return { gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined }, connect: (node: unknown) => node };
      }
    }
    Object.defineProperty(globalThis, 'AudioContext', { value: FakeAudioContext, configurable: true, writable: true });
  }

  uninstall(): void {
    if (this.previous === undefined) delete (globalThis as { AudioContext?: unknown }).AudioContext;
    else Object.defineProperty(globalThis, 'AudioContext', this.previous);
  }

  take(): number[] {
    return this.frequencies.splice(0);
  }
}
