import type { Status } from '../../shared/contract';
import type { RequestOutcome } from '../venue-manager/VenueManagerClient';

type Connectivity = Status['connectivity'];

/**
 * Online/offline from what real requests did, not from the OS flag. This first cut follows the
 * last outcome; hysteresis and probing come with the offline work.
 */
export class ConnectivityTracker {
  private state: Connectivity = { state: 'unknown' };

  constructor(
    private readonly now: () => number,
    private readonly onChange: (state: Connectivity) => void,
  ) {}

  current(): Connectivity {
    return this.state;
  }

  record(outcome: RequestOutcome): void {
    const next: Connectivity = outcome.ok
      ? { state: 'online', lastSuccessAt: this.now() }
      : {
          // The server answered, but not usefully (credentials, 5xx): reachable, degraded.
          state: outcome.code === 'UNAUTHORIZED' || outcome.code === 'SERVER_ERROR' ? 'degraded' : 'offline',
          ...(outcome.code === undefined ? {} : { reason: outcome.code }),
          ...(this.state.lastSuccessAt === undefined ? {} : { lastSuccessAt: this.state.lastSuccessAt }),
        };
    const changed = next.state !== this.state.state || next.reason !== this.state.reason;
    this.state = next;
    if (changed) this.onChange(next);
  }

  reset(): void {
    this.state = { state: 'unknown' };
    this.onChange(this.state);
  }
}
