import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { IdentifyResult, OwnerMatch } from '../../src/shared/model';
import type { PendingMark, QueuedAction } from '../../src/shared/outbox';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { blockedIn, tappedUid } from './support/actionFixtures';
import { FakeApi } from './support/FakeApi';
import { notFound, ownerMatch, scan } from './support/fixtures';
import { actAndSettle, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

const mette = ownerMatch('Mette Hansen', tappedUid);
const invalidated = { ...mette, product: { ...mette.product, valid: false, invalidatedAt: '2025-06-30 08:00:00' } };

/** Each UID answers differently: active, blocked, invalidated, unknown, failing. */
function lookup({ uid }: { uid: string }): IdentifyResult {
  switch (uid) {
    case tappedUid:
      return { kind: 'found', uid, matches: [mette], fetchedAt: 1 };
    case '04BLOCKED00001':
      return { kind: 'found', uid: tappedUid, matches: [blockedIn(mette, tappedUid)], fetchedAt: 1 };
    case '04INVALID00001':
      return { kind: 'found', uid: tappedUid, matches: [invalidated], fetchedAt: 1 };
    case '04FAILING00001':
      throw new AppError('NETWORK', 'ECONNRESET');
    case '04SLOWVM000001':
      // Active in this desk's memory; Venue Manager is slow and still being asked.
      return { kind: 'found', uid: tappedUid, matches: [mette], fetchedAt: 1, cachedAt: 1, refreshing: true, revalidation: 'r1' };
    case '04QUEUED000001':
      // Active at Venue Manager, but this desk has queued a block on it (offline).
      return {
        kind: 'found',
        uid: tappedUid,
        matches: [{ ...mette, pending: [{ id: 'q1', state: 'pending', createdAt: 1, action: { kind: 'block', productId: mette.product.id, uid: tappedUid, reason: 'Stolen' } }] }],
        fetchedAt: 1,
        cachedAt: 1,
      };
    case '04CONFLICT0001':
      // Venue Manager refused this desk's block of the band: a person must decide in the Outbox.
      return found(markedMette('conflict', { kind: 'block', productId: mette.product.id, uid: tappedUid.toLowerCase(), reason: 'Stolen' }));
    case '04FAILED000001':
      // A replace (the band's block half) that failed.
      return found(markedMette('failed', { kind: 'replace', productId: mette.product.id, uid: tappedUid, newUid: '04NEW000000001', reason: 'Broken' }));
    case '04OTHERBAND001':
      // Conflicts that are not a block of the tapped band: a comment, and a block of another band.
      return found({
        ...mette,
        pending: [
          { id: 'c2', state: 'conflict', createdAt: 1, action: { kind: 'comment', productId: mette.product.id, comment: 'Refund' } },
          { id: 'c3', state: 'failed', createdAt: 1, action: { kind: 'block', productId: mette.product.id, uid: '04SOMEOTHER001', reason: 'Lost' } },
        ],
      });
    default:
      return notFound(uid);
  }
}

function found(match: OwnerMatch): IdentifyResult {
  return { kind: 'found', uid: tappedUid, matches: [match], fetchedAt: 1 };
}

function markedMette(state: PendingMark['state'], action: QueuedAction): OwnerMatch {
  return { ...mette, pending: [{ id: 'm1', state, createdAt: 1, action }] };
}

async function openGate() {
  const rendered = renderApp(new FakeApi({ handlers: { 'identify.lookup': lookup } }));
  await screen.findByTestId('identify-idle');
  await actAndSettle(() => fireEvent.keyDown(document.body, { key: 'g' }));
  return rendered;
}

function verdict() {
  const element = screen.getByTestId('gate-verdict');
  return {
    colour: element.dataset.verdict,
    text: element.textContent,
    name: screen.getByTestId('gate-name').textContent,
    reason: screen.getByTestId('gate-reason').textContent,
  };
}

describe('gate view', () => {
  it('opens with G from Identify and has a nav entry at #/gate', async () => {
    await openGate();
    expect(screen.getByTestId('gate-view')).toBeTruthy();
    expect(window.location.hash).toBe('#/gate');
    expect(screen.getByTestId('nav-gate').getAttribute('href')).toBe('#/gate');
  });

  it('answers green with the name for a valid product whose tapped wristband is active', async () => {
    const { emit, api } = await openGate();
    await emit({ event: 'scan', payload: scan(tappedUid) });
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }]);
    expect(screen.getByTestId('gate-view')).toBeTruthy();
    const answer = verdict();
    expect(answer.colour).toBe('green');
    expect(answer.text).toContain(en.gate.green);
    expect(answer.name).toBe('Mette Hansen');
    expect(answer.reason).toBe(en.gate.reason.valid);
  });

  it('answers red, in words, for a blocked wristband, an invalidated product, an unknown wristband and a failure', async () => {
    const { emit } = await openGate();

    await emit({ event: 'scan', payload: scan('04BLOCKED00001') });
    expect(verdict()).toMatchObject({ colour: 'red', name: 'Mette Hansen', reason: 'Wristband blocked since 2025-06-30 10:00:00' });
    expect(verdict().text).toContain(en.gate.red);

    await emit({ event: 'scan', payload: scan('04INVALID00001') });
    expect(verdict()).toMatchObject({ colour: 'red', name: 'Mette Hansen', reason: en.gate.reason.invalidated });

    await emit({ event: 'scan', payload: scan('04UNKNOWN00001') });
    expect(verdict()).toMatchObject({ colour: 'red', name: '', reason: en.gate.reason.unknown });

    await emit({ event: 'scan', payload: scan('04FAILING00001') });
    expect(verdict().colour).toBe('red');
    expect(verdict().reason).toContain(en.gate.reason.error);
    expect(verdict().reason).toContain(en.errors.NETWORK);
  });

  it('answers red for a band whose block is queued at this desk, before Venue Manager has heard of it', async () => {
    const { emit } = await openGate();
    await emit({ event: 'scan', payload: scan('04QUEUED000001') });
    expect(verdict()).toMatchObject({ colour: 'red', name: 'Mette Hansen', reason: en.gate.reason.blockedQueued });
  });

  it('answers red for a band whose block (or replace) waits for a person in the Outbox: letting it in is the unsafe direction', async () => {
    const { emit } = await openGate();
    await emit({ event: 'scan', payload: scan('04CONFLICT0001') });
    expect(verdict()).toMatchObject({ colour: 'red', name: 'Mette Hansen', reason: en.gate.reason.blockNeedsPerson });
    expect(screen.getByTestId('gate-reason').dataset.reason).toBe('blockNeedsPerson');

    await emit({ event: 'scan', payload: scan('04FAILED000001') });
    expect(verdict()).toMatchObject({ colour: 'red', reason: en.gate.reason.blockNeedsPerson });

    // Anything else waiting for a person does not stop this band.
    await emit({ event: 'scan', payload: scan('04OTHERBAND001') });
    expect(verdict()).toMatchObject({ colour: 'green', reason: en.gate.reason.valid });
  });

  it('does not show green from this desk memory while Venue Manager is still being asked; its answer decides', async () => {
    const { emit } = await openGate();
    await emit({ event: 'scan', payload: scan('04SLOWVM000001') });
    expect(screen.getByTestId('gate-checking').textContent).toBe(en.gate.checking);
    expect(screen.queryByTestId('gate-verdict')).toBeNull();
    await emit({ event: 'lookupRefreshed', payload: { uid: '04SLOWVM000001', revalidation: 'r1', result: { kind: 'found', uid: tappedUid, matches: [blockedIn(mette, tappedUid)], fetchedAt: 2 } } });
    expect(verdict()).toMatchObject({ colour: 'red', name: 'Mette Hansen' });
  });

  it('returns to Identify with Escape', async () => {
    await openGate();
    await actAndSettle(() => fireEvent.keyDown(document.body, { key: 'Escape' }));
    expect(screen.queryByTestId('gate-view')).toBeNull();
    expect(window.location.hash).toBe('#/identify');
  });
});
