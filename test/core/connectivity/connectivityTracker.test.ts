import { describe, expect, it } from 'vitest';
import { ConnectivityTracker } from '../../../src/main/connectivity/ConnectivityTracker';
import type { Status } from '../../../src/shared/contract';
import { ManualScheduler } from '../../support/ManualScheduler';

type Connectivity = Status['connectivity'];

function setup(probeOutcome?: () => { ok: boolean; code?: string; latencyMs: number }) {
  const scheduler = new ManualScheduler();
  const changes: Connectivity[] = [];
  const probes: number[] = [];
  const tracker: ConnectivityTracker = new ConnectivityTracker({
    now: () => 1_000_000 + scheduler.now,
    onChange: (state) => changes.push(state),
    schedule: scheduler.schedule,
    probe: () => {
      probes.push(scheduler.now);
      const outcome = probeOutcome?.();
      if (outcome !== undefined) tracker.record(outcome);
      return Promise.resolve();
    },
  });
  return { tracker, scheduler, changes, probes };
}

const ok = (latencyMs = 40) => ({ ok: true, latencyMs });
const fail = (code: string) => ({ ok: false, code, latencyMs: 5000 });

describe('ConnectivityTracker', () => {
  it('one lost request while online is "degraded", two in a row "offline"', () => {
    const { tracker, changes } = setup();
    tracker.record(ok());
    tracker.record(fail('NETWORK'));
    expect(tracker.current()).toMatchObject({ state: 'degraded', reason: 'NETWORK' });
    tracker.record(ok());
    expect(tracker.current().state).toBe('online');
    tracker.record(fail('TIMEOUT'));
    tracker.record(fail('NETWORK'));
    expect(tracker.current()).toMatchObject({ state: 'offline', reason: 'NETWORK', lastSuccessAt: 1_000_000 });
    expect(changes.map((c) => c.state)).toEqual(['online', 'degraded', 'online', 'degraded', 'offline']);
    tracker.close();
  });

  it('needs two successes in a row to go from offline back to online (no flapping)', () => {
    const { tracker, changes } = setup();
    tracker.record(fail('NETWORK'));
    expect(tracker.current().state).toBe('offline'); // nothing ever worked: no grace
    tracker.record(ok());
    expect(tracker.current().state).toBe('offline');
    tracker.record(fail('NETWORK'));
    tracker.record(ok());
    tracker.record(ok());
    expect(tracker.current().state).toBe('online');
    expect(changes.map((c) => c.state)).toEqual(['offline', 'online']);
    tracker.close();
  });

  it('credentials refused or server errors are "degraded" at once; a slow answer is "degraded" too', () => {
    const { tracker } = setup();
    tracker.record(ok());
    tracker.record(fail('UNAUTHORIZED'));
    expect(tracker.current()).toMatchObject({ state: 'degraded', reason: 'UNAUTHORIZED' });
    tracker.record(ok(6000));
    expect(tracker.current()).toMatchObject({ state: 'degraded', reason: 'TIMEOUT' });
    tracker.record(ok(100));
    expect(tracker.current().state).toBe('online');
    tracker.close();
  });

  it('probes while not online, backing off from 2 s to 30 s, and stops once online', async () => {
    let reachable = false;
    const { tracker, scheduler, probes } = setup(() => (reachable ? ok() : fail('NETWORK')));
    tracker.record(fail('NETWORK'));
    await scheduler.advance(2000 + 4000 + 8000 + 16000 + 30000 + 30000);
    expect(probes).toEqual([2000, 6000, 14000, 30000, 60000, 90000]);
    reachable = true;
    await scheduler.advance(30000); // one success: still offline (hysteresis), probing goes on
    expect(tracker.current().state).toBe('offline');
    await scheduler.advance(30000);
    expect(tracker.current().state).toBe('online');
    const probed = probes.length;
    await scheduler.advance(120000);
    expect(probes.length).toBe(probed);
    expect(scheduler.pendingCount).toBe(0);
    tracker.close();
  });
});
