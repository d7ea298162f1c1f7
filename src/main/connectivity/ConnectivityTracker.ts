import type { Status } from '../../shared/contract';
import type { Scheduler } from '../core/Scheduler';
import { timerScheduler } from '../core/Scheduler';
import type { RequestOutcome } from '../venue-manager/VenueManagerClient';

type Connectivity = Status['connectivity'];

export interface ConnectivityOptions {
  now: () => number;
  onChange: (state: Connectivity) => void;
  /** A cheap request to Venue Manager; its outcome arrives through `record` like any other. */
  probe?: () => Promise<unknown>;
  schedule?: Scheduler;
  /** Network failures in a row before "offline"; one alone says "degraded". */
  failuresToOffline?: number;
  /** Successes in a row before an offline desk says "online" again. */
  successesToOnline?: number;
  /** A success slower than this is "degraded" (answering too slowly). */
  slowMs?: number;
  /** Probe intervals while not online: the first, doubling up to the last. */
  probeMinMs?: number;
  probeMaxMs?: number;
}

const networkCodes = new Set(['NETWORK', 'TIMEOUT']);

/**
 * Online / degraded / offline from what real requests did and how long they took — never the
 * OS flag, which says "online" on a festival Wi-Fi that reaches nothing. With hysteresis, so one
 * lost packet does not flip the desk to offline and one lucky answer does not flip it back; and
 * while not online, a cheap probe every few seconds (backing off to 30 s) notices the way back
 * without waiting for a volunteer's next tap.
 */
export class ConnectivityTracker {
  private state: Connectivity = { state: 'unknown' };
  private failures = 0;
  private successes = 0;
  private probeDelay: number;
  private cancelProbe: (() => void) | undefined;
  private closed = false;
  private readonly schedule: Scheduler;
  private readonly failuresToOffline: number;
  private readonly successesToOnline: number;
  private readonly slowMs: number;
  private readonly probeMinMs: number;
  private readonly probeMaxMs: number;

  constructor(private readonly options: ConnectivityOptions) {
    this.schedule = options.schedule ?? timerScheduler;
    this.failuresToOffline = options.failuresToOffline ?? 2;
    this.successesToOnline = options.successesToOnline ?? 2;
    this.slowMs = options.slowMs ?? 4000;
    this.probeMinMs = options.probeMinMs ?? 2000;
    this.probeMaxMs = options.probeMaxMs ?? 30_000;
    this.probeDelay = this.probeMinMs;
  }

  current(): Connectivity {
    return this.state;
  }

  record(outcome: RequestOutcome): void {
    const lastSuccessAt = outcome.ok ? this.options.now() : this.state.lastSuccessAt;
    const since = lastSuccessAt === undefined ? {} : { lastSuccessAt };
    if (outcome.ok) {
      this.failures = 0;
      this.successes += 1;
      const recovering = this.state.state === 'offline' && this.successes < this.successesToOnline;
      if (recovering) {
        // Confirm soon, not after the probe's backed-off wait.
        this.probeDelay = this.probeMinMs;
        this.set({ state: 'offline', ...(this.state.reason === undefined ? {} : { reason: this.state.reason }), ...since });
      } else if (outcome.latencyMs > this.slowMs) this.set({ state: 'degraded', reason: 'TIMEOUT', ...since });
      else this.set({ state: 'online', ...since });
      return;
    }
    this.successes = 0;
    const code = outcome.code ?? 'NETWORK';
    if (!networkCodes.has(code)) {
      // The server answered, but not usefully (credentials, 5xx): reachable, degraded, at once.
      this.set({ state: 'degraded', reason: code, ...since });
      return;
    }
    this.failures += 1;
    const offline = this.failures >= this.failuresToOffline || this.state.state === 'offline' || this.state.state === 'unknown';
    this.set({ state: offline ? 'offline' : 'degraded', reason: code, ...since });
  }

  reset(): void {
    this.failures = 0;
    this.successes = 0;
    this.stopProbing();
    this.state = { state: 'unknown' };
    this.options.onChange(this.state);
  }

  close(): void {
    this.closed = true;
    this.stopProbing();
  }

  private set(next: Connectivity): void {
    const changed = next.state !== this.state.state || next.reason !== this.state.reason;
    this.state = next;
    if (next.state === 'online') this.stopProbing();
    else this.startProbing();
    if (changed) this.options.onChange(next);
  }

  private startProbing(): void {
    if (this.closed || this.options.probe === undefined || this.cancelProbe !== undefined) return;
    this.cancelProbe = this.schedule(() => {
      this.cancelProbe = undefined;
      this.probeDelay = Math.min(this.probeDelay * 2, this.probeMaxMs);
      // The outcome comes back through record(); a probe that sent nothing (no client yet,
      // forced offline) must not end the probing, so the next one is scheduled either way.
      void this.options.probe?.()
        .catch(() => undefined)
        .finally(() => {
          if (this.state.state !== 'online') this.startProbing();
        });
    }, this.probeDelay);
  }

  private stopProbing(): void {
    this.cancelProbe?.();
    this.cancelProbe = undefined;
    this.probeDelay = this.probeMinMs;
  }
}
