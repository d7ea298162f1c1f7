import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentifyResult } from '../../src/shared/model';
import type { UidProfile } from '../../src/shared/uidProfile';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { FakeApi } from './support/FakeApi';
import { ownerMatch, scan, settingsView, status } from './support/fixtures';
import { actAndSettle, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

const reversedDecimal: UidProfile = { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: null };
const tapped = '04C43B1A2B3C80';
const storedAs = '36094952840348676';

async function goTo(hash: string) {
  await actAndSettle(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('venue UID format', () => {
  it('a band found only under another form shows the owner, its wristband as Venue Manager writes it, and tells to calibrate', async () => {
    const match = ownerMatch('Mette Hansen', storedAs);
    const result: IdentifyResult = {
      kind: 'found',
      uid: tapped,
      matches: [match],
      fetchedAt: 1,
      matchedAs: { value: storedAs, profile: reversedDecimal, expected: false },
    };
    const { emit } = renderApp(new FakeApi({ handlers: { 'identify.lookup': () => result } }));
    await emit({ event: 'scan', payload: scan(tapped) });
    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('Mette Hansen');
    expect(screen.getByTestId('identify-unexpected-format').textContent).toContain(
      `Found as ${storedAs} (decimal, bytes reversed) — not the form set for this venue.`,
    );
    // The tapped band is recognised in the product's list although Venue Manager writes it in decimal.
    expect(screen.getByTestId('token-status').dataset.state).toBe('active');
  });

  it('warns in the status bar until calibrated; a calibration tap in Settings learns the format', async () => {
    const api = new FakeApi({
      handlers: {
        'uidFormat.calibrateVenue': ({ uid }) => ({
          outcome: 'calibrated',
          owner: 'Mette Hansen',
          format: { state: 'calibrated', profile: reversedDecimal, calibratedAt: '2026-07-04T12:00:00.000Z', sample: { raw: storedAs, uid } },
        }),
      },
    });
    const { emit } = renderApp(api);
    expect((await screen.findByTestId('status-uid-uncalibrated')).textContent).toContain(en.uidFormat.statusUncalibrated);
    await goTo('#/settings');
    expect((await screen.findByTestId('uid-format-state')).textContent).toContain('Not calibrated');
    await actAndSettle(() => fireEvent.click(screen.getByTestId('uid-calibrate')));
    expect(screen.getByTestId('uid-calibration-waiting').textContent).toContain(en.uidFormat.tapNow);

    await emit({ event: 'scan', payload: scan(tapped) });
    expect(api.callsOf('uidFormat.calibrateVenue')).toEqual([{ uid: tapped }]);
    expect(api.callsOf('identify.lookup')).toEqual([]); // the tap was the calibration band, not a lookup
    expect(screen.getByTestId('uid-calibration-result').textContent).toContain(`Calibrated with ${tapped} (Mette Hansen).`);

    // The core then pushes the new settings.
    await emit({
      event: 'settings',
      payload: settingsView({
        settings: {
          ...settingsView().settings,
          venueUidFormat: { state: 'calibrated', profile: reversedDecimal, calibratedAt: '2026-07-04T12:00:00.000Z', sample: { raw: storedAs, uid: tapped } },
        },
      }),
    });
    expect(screen.getByTestId('uid-format-state').textContent).toContain('Venue Manager writes UIDs as decimal, bytes reversed');
    expect(screen.queryByTestId('status-uid-uncalibrated')).toBeNull();
  });

  it('in demo mode the format is known: no warning, no calibration', async () => {
    renderApp(new FakeApi({ handlers: { 'status.get': () => status({ demo: true }) } }));
    await goTo('#/settings');
    expect((await screen.findByTestId('uid-format-state')).textContent).toContain(en.uidFormat.demo);
    expect(screen.getByTestId('uid-calibrate').closest('[hidden]')).not.toBeNull();
    expect(screen.queryByTestId('status-uid-uncalibrated')).toBeNull();
  });

  it('a tap after leaving Settings mid-calibration is an ordinary tap again', async () => {
    const api = new FakeApi({ handlers: { 'identify.lookup': ({ uid }) => ({ kind: 'not-found', uid, fetchedAt: 1 }) } });
    const { emit } = renderApp(api);
    await goTo('#/settings');
    await actAndSettle(() => fireEvent.click(screen.getByTestId('uid-calibrate')));
    await goTo('#/identify');
    await emit({ event: 'scan', payload: scan(tapped) });
    expect(api.callsOf('uidFormat.calibrateVenue')).toEqual([]);
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tapped }]);
  });
});
