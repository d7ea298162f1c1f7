import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { BlockRequest } from '../../src/shared/actions';
import { AppError } from '../../src/shared/errors';
import type { OwnerMatch } from '../../src/shared/model';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { newRequestId } from '../../src/renderer/src/store/slices/actionSlice';
import { actionResult, blockedIn, signedInDesk, tappedUid, withoutActiveToken } from './support/actionFixtures';
import { FakeApi, type Handlers } from './support/FakeApi';
import { ToneRecorder } from './support/outboxFixtures';
import { ownerMatch, scan, searchHit, settingsView } from './support/fixtures';
import { emulateListLayout } from './support/listLayout';
import { actAndSettle, click, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

const mette = ownerMatch('Mette Hansen', tappedUid);
const newUid = '04BBBBBBBBBB02';
/** Every action carries the id of its submission: a v4 UUID. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const aRequestId: unknown = expect.stringMatching(uuid);

function typeReason(value: string) {
  return actAndSettle(() => fireEvent.change(screen.getByTestId('action-reason-text'), { target: { value } }));
}

/** A desk with Anna signed in, Mette's product on Identify after one tap. */
async function identified(handlers: Handlers = {}, match: OwnerMatch = mette, settings = settingsView()) {
  const api = new FakeApi({ settings, handlers: { ...signedInDesk(match), ...handlers } });
  const rendered = renderApp(api);
  await screen.findByTestId('operator-name');
  await rendered.emit({ event: 'scan', payload: scan(tappedUid) });
  await screen.findByTestId('identify-owner-name');
  return rendered;
}

describe('actions: which apply', () => {
  it('offers Block per active wristband, Replace for exactly one, and Comment on a valid product', async () => {
    await identified();
    const blocks = screen.getAllByTestId('action-block');
    expect(blocks.map((button) => button.dataset.uid)).toEqual([tappedUid]);
    expect(screen.getByTestId('action-replace')).toBeTruthy();
    expect(screen.getByTestId('action-comment')).toBeTruthy();
    expect(screen.queryByTestId('action-add')).toBeNull();
  });

  it('offers Add (and no Block or Replace) when no wristband is active; nothing but history on an invalidated product', async () => {
    await identified({}, withoutActiveToken(mette));
    expect(screen.getByTestId('action-add')).toBeTruthy();
    expect(screen.queryByTestId('action-block')).toBeNull();
    expect(screen.queryByTestId('action-replace')).toBeNull();
    resetDom();

    await identified({}, { ...withoutActiveToken(mette), product: { ...withoutActiveToken(mette).product, valid: false } });
    for (const id of ['action-add', 'action-comment', 'action-block', 'action-replace']) expect(screen.queryByTestId(id)).toBeNull();
  });
});

describe('actions: block', () => {
  it('requires a reason, names the wristband and person, sends, shows the new state and remembers the reason', async () => {
    const { api } = await identified({ 'actions.block': ({ uid }) => actionResult(blockedIn(mette, uid)) });
    expect(screen.getByTestId('token-status').dataset.state).toBe('active');

    await click(screen.getByTestId('action-block'));
    const dialog = screen.getByTestId('action-dialog');
    expect(dialog.contains(document.activeElement)).toBe(true);
    const confirm = screen.getByTestId('action-confirm');
    expect(confirm.textContent).toBe('Block wristband 04A2…C1 of Mette Hansen');
    expect(screen.getAllByTestId('action-reason-preset').map((preset) => preset.textContent)).toEqual([
      en.actions.preset.block.lost,
      en.actions.preset.block.stolen,
      en.actions.preset.block.damaged,
    ]);

    await click(confirm);
    expect(screen.getByTestId('action-error').textContent).toContain(en.actions.reasonRequired);
    expect(api.callsOf('actions.block')).toEqual([]);

    await typeReason('Left in the camping area');
    await click(screen.getByTestId('action-confirm'));

    expect(api.callsOf('actions.block')).toEqual([{ productId: 5551, uid: tappedUid, reason: 'Left in the camping area', requestId: aRequestId }]);
    expect(screen.queryByTestId('action-dialog')).toBeNull();
    expect(screen.getByTestId('token-status').dataset.state).toBe('blocked');
    expect(screen.getByTestId('token-status').textContent).toContain('Blocked since 2025-06-30 10:00:00');
    expect(screen.getByTestId('action-result').textContent).toContain('Done: wristband 04A2…C1 of Mette Hansen is blocked.');
    expect(api.callsOf('settings.update')).toEqual([
      { recentReasons: { block: ['Left in the camping area'], replace: [], add: [] } },
    ]);
  });

  it('sends a preset as its words without remembering it, and puts a reused recent reason first', async () => {
    const settings = settingsView();
    settings.settings.recentReasons = { block: ['Older', 'Swapped with a friend'], replace: [], add: [] };
    const { api } = await identified({ 'actions.block': ({ uid }) => actionResult(blockedIn(mette, uid)) }, mette, settings);

    await click(screen.getByTestId('action-block'));
    await click(screen.getAllByTestId('action-reason-preset')[1] as HTMLElement);
    await click(screen.getByTestId('action-confirm'));
    expect(api.callsOf('actions.block')).toEqual([{ productId: 5551, uid: tappedUid, reason: en.actions.preset.block.stolen, requestId: aRequestId }]);
    expect(api.callsOf('settings.update')).toEqual([]);

    // The result line stays until the next tap.
    expect(screen.getByTestId('action-result')).toBeTruthy();
    await actAndSettle(() => api.emit({ event: 'scan', payload: scan(tappedUid) }));
    expect(screen.queryByTestId('action-result')).toBeNull();

    await click(screen.getByTestId('action-block'));
    const recent = screen.getAllByTestId('action-reason-recent');
    expect(recent.map((button) => button.textContent)).toEqual(['Older', 'Swapped with a friend']);
    await click(recent[1] as HTMLElement);
    await click(screen.getByTestId('action-confirm'));
    expect(api.callsOf('settings.update')).toEqual([
      { recentReasons: { block: ['Swapped with a friend', 'Older'], replace: [], add: [] } },
    ]);
  });

  it('keeps the dialog open with the translated error when the server refuses', async () => {
    const { api } = await identified({
      'actions.block': () => {
        throw new AppError('VM_TOKEN_ALREADY_BLOCKED', 'HTTP 409 token already blocked', { refusedLocally: true });
      },
    });
    await click(screen.getByTestId('action-block'));
    await typeReason('Lost');
    await click(screen.getByTestId('action-confirm'));

    const error = screen.getByTestId('action-error');
    expect(error.textContent).toContain(en.errors.VM_TOKEN_ALREADY_BLOCKED);
    expect(error.textContent).not.toContain('HTTP 409');
    expect(screen.getByTestId('action-dialog')).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('action-reason-text').value).toBe('Lost');
    expect(screen.getByTestId('token-status').dataset.state).toBe('active');
    expect(screen.queryByTestId('action-result')).toBeNull();
    expect(api.callsOf('settings.update')).toEqual([]);
  });

  it('cancels with Escape without sending anything, and gives focus back to the button', async () => {
    const { api } = await identified();
    const button = screen.getByTestId('action-block');
    button.focus();
    await click(button);
    // `/` does not open Search under the dialog.
    await actAndSettle(() => fireEvent.keyDown(document.activeElement ?? window, { key: '/' }));
    expect(window.location.hash).toBe('#/identify');
    await actAndSettle(() => fireEvent.keyDown(document.activeElement ?? window, { key: 'Escape' }));
    expect(screen.queryByTestId('action-dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('action-block'));
    expect(api.callsOf('actions.block')).toEqual([]);
  });
});

describe('actions: queued while Venue Manager cannot be reached', () => {
  it('says "queued" (not done) with its own tone; the product shows the block pending and offers no second block', async () => {
    const queuedMatch = { ...mette, pending: [{ id: 'item-7', state: 'pending' as const, createdAt: 1, action: { kind: 'block' as const, productId: 5551, uid: tappedUid, reason: 'Lost' } }] };
    const tones = new ToneRecorder();
    tones.install();
    onTestFinished(() => tones.uninstall());
    await identified({ 'actions.block': () => actionResult(queuedMatch, 'queued') });
    await click(screen.getByTestId('action-block'));
    await typeReason('Lost');
    tones.take();
    await click(screen.getByTestId('action-confirm'));

    const line = screen.getByTestId('action-result');
    expect(line.dataset.queued).toBe('true');
    expect(line.textContent).toContain('Queued: wristband 04A2…C1 of Mette Hansen will be blocked');
    expect(tones.take()).toEqual([740, 740]);
    const token = screen.getByTestId('token-status');
    expect([token.dataset.state, token.dataset.pending]).toEqual(['blocked', 'block']);
    expect(token.textContent).toContain(en.match.token.blockQueued);
    expect(screen.getAllByTestId('pending-action').map((mark) => [mark.dataset.kind, mark.dataset.state])).toEqual([['block', 'pending']]);
    expect(screen.queryByTestId('action-block')).toBeNull();
  });

  it('a conflict waiting on the product links to the Outbox', async () => {
    const conflicted = { ...mette, pending: [{ id: 'c1', state: 'conflict' as const, createdAt: 1, action: { kind: 'comment' as const, productId: 5551, comment: 'Refund asked' } }] };
    await identified({}, conflicted);
    const mark = screen.getByTestId('pending-action');
    expect(mark.dataset.state).toBe('conflict');
    expect(mark.querySelector('a')?.getAttribute('href')).toBe('#/outbox');
    // A conflict is not expected to apply: the band still reads as it is at Venue Manager.
    expect(screen.getByTestId('token-status').dataset.state).toBe('active');
  });
});

describe('actions: taps while a dialog is open', () => {
  it('refuses the tap: no lookup, same view, the pending action and its reason unchanged', async () => {
    const { api, emit } = await identified({ 'actions.block': ({ uid }) => actionResult(blockedIn(mette, uid)) });
    await click(screen.getByTestId('action-block'));
    await typeReason('Stolen at the bar');

    await emit({ event: 'scan', payload: scan('04FFFFFFFFFF01') });

    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }]);
    expect(screen.getByTestId('tap-refused').textContent).toContain(en.actions.tapRefused);
    expect(screen.getByTestId('identify-uid').textContent).toBe(tappedUid);
    expect(screen.getByTestId('action-dialog').dataset.kind).toBe('block');
    expect(screen.getByTestId<HTMLInputElement>('action-reason-text').value).toBe('Stolen at the bar');
    expect(screen.getByTestId('action-confirm').textContent).toBe('Block wristband 04A2…C1 of Mette Hansen');

    await click(screen.getByTestId('action-confirm'));
    expect(api.callsOf('actions.block')).toEqual([{ productId: 5551, uid: tappedUid, reason: 'Stolen at the bar', requestId: aRequestId }]);
  });
});

describe('actions: replace', () => {
  it('takes the next tap as the new wristband, then sends it with the reason', async () => {
    const replaced: OwnerMatch = {
      ...blockedIn(mette, tappedUid),
      product: {
        ...blockedIn(mette, tappedUid).product,
        tokens: [...blockedIn(mette, tappedUid).product.tokens, { uid: newUid, insertedAt: '2025-06-30 10:00:00', blockedAt: null, active: true }],
      },
    };
    const { api, emit } = await identified({ 'actions.replace': () => actionResult(replaced) });

    await click(screen.getByTestId('action-replace'));
    const waiting = screen.getByTestId('replace-waiting-tap');
    expect(waiting.textContent).toContain(en.actions.waitingTap.replace);
    expect(screen.queryByTestId('action-confirm')).toBeNull();

    await emit({ event: 'scan', payload: scan(newUid) });
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }]);
    expect(screen.queryByTestId('replace-waiting-tap')).toBeNull();
    expect(screen.queryByTestId('tap-refused')).toBeNull();
    expect(screen.getByTestId('replace-new-uid').textContent).toBe(newUid);
    expect(screen.getByTestId('action-confirm').textContent).toBe('Replace wristband 04A2…C1 of Mette Hansen with 04BB…02');

    await click(screen.getAllByTestId('action-reason-preset')[0] as HTMLElement);
    await click(screen.getByTestId('action-confirm'));
    expect(api.callsOf('actions.replace')).toEqual([
      { productId: 5551, uid: tappedUid, newUid, reason: en.actions.preset.replace.unreadable, requestId: aRequestId },
    ]);
    expect(screen.getByTestId('action-result').dataset.kind).toBe('replace');
    expect(screen.getByTestId('token-status').dataset.state).toBe('blocked');
  });

  it('can be cancelled while waiting for the tap; the next tap is then looked up again', async () => {
    const { api, emit } = await identified();
    await click(screen.getByTestId('action-replace'));
    await click(screen.getByTestId('action-cancel'));
    expect(screen.queryByTestId('action-dialog')).toBeNull();
    await emit({ event: 'scan', payload: scan(newUid) });
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }, { uid: newUid }]);
  });
});

describe('actions: add', () => {
  const bare = withoutActiveToken(mette);

  it('takes the tapped wristband as the one to attach', async () => {
    const { api, emit } = await identified({ 'actions.add': () => actionResult(mette) }, bare);
    await click(screen.getByTestId('action-add'));
    expect(screen.getByTestId('add-waiting-tap').textContent).toContain(en.actions.waitingTap.add);

    await emit({ event: 'scan', payload: scan(newUid) });
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }]);
    expect(screen.getByTestId('add-new-uid').textContent).toBe(newUid);
    expect(screen.getByTestId('action-confirm').textContent).toBe('Add wristband 04BB…02 to Mette Hansen');

    await typeReason('Swapped paper ticket at gate 3');
    await click(screen.getByTestId('action-confirm'));
    expect(api.callsOf('actions.add')).toEqual([{ productId: 5551, uid: newUid, reason: 'Swapped paper ticket at gate 3', requestId: aRequestId }]);
    expect(api.callsOf('settings.update')).toEqual([
      { recentReasons: { block: [], replace: [], add: ['Swapped paper ticket at gate 3'] } },
    ]);
  });

  it('accepts a UID typed by hand', async () => {
    const { api } = await identified({ 'actions.add': () => actionResult(mette) }, bare);
    await click(screen.getByTestId('action-add'));
    await actAndSettle(() => fireEvent.change(screen.getByTestId('action-typed-uid'), { target: { value: ` ${newUid} ` } }));
    await click(screen.getByTestId('action-use-typed-uid'));
    expect(screen.getByTestId('add-new-uid').textContent).toBe(newUid);
    await click(screen.getAllByTestId('action-reason-preset')[0] as HTMLElement);
    await click(screen.getByTestId('action-confirm'));
    expect(api.callsOf('actions.add')).toEqual([{ productId: 5551, uid: newUid, reason: en.actions.preset.add.printAtHome, requestId: aRequestId }]);
  });
});

describe('actions: wristband active on another product', () => {
  it('offers to open that product, which drops the refused action and shows the product on Identify', async () => {
    const lars = ownerMatch('Lars Jensen', newUid);
    const { api, emit } = await identified(
      {
        'actions.add': () => {
          throw new AppError('VM_TOKEN_ACTIVE_ELSEWHERE', 'Token is active on another digital product.');
        },
        'identify.lookup': ({ uid }) => ({ kind: 'found', uid, matches: [uid === newUid ? lars : withoutActiveToken(mette)], fetchedAt: 1 }),
      },
      withoutActiveToken(mette),
    );
    await click(screen.getByTestId('action-add'));
    await emit({ event: 'scan', payload: scan(newUid) });
    await click(screen.getAllByTestId('action-reason-preset')[0] as HTMLElement);
    await click(screen.getByTestId('action-confirm'));
    expect(screen.getByTestId('action-error').dataset.code).toBe('VM_TOKEN_ACTIVE_ELSEWHERE');
    expect(screen.getByTestId('action-error').textContent).toContain(en.errors.VM_TOKEN_ACTIVE_ELSEWHERE);

    await click(screen.getByTestId('action-open-other'));
    expect(screen.queryByTestId('action-dialog')).toBeNull();
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }, { uid: newUid }]);
    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('Lars Jensen');
    expect(window.location.hash).toBe('#/identify');
  });

  it('is not offered for other refusals', async () => {
    await identified(
      {
        'actions.add': () => {
          throw new AppError('VM_PRODUCT_INVALIDATED', 'Digital product is invalidated.');
        },
      },
      withoutActiveToken(mette),
    );
    await click(screen.getByTestId('action-add'));
    await actAndSettle(() => fireEvent.change(screen.getByTestId('action-typed-uid'), { target: { value: newUid } }));
    await click(screen.getByTestId('action-use-typed-uid'));
    await click(screen.getAllByTestId('action-reason-preset')[0] as HTMLElement);
    await click(screen.getByTestId('action-confirm'));
    expect(screen.getByTestId('action-error').dataset.code).toBe('VM_PRODUCT_INVALIDATED');
    expect(screen.queryByTestId('action-open-other')).toBeNull();
  });
});

describe('actions: comment', () => {
  it('requires text and sends it as written', async () => {
    const { api } = await identified({ 'actions.comment': () => actionResult(mette) });
    await click(screen.getByTestId('action-comment'));
    expect(screen.getByTestId('action-reason-text').tagName).toBe('TEXTAREA');
    expect(screen.queryByTestId('action-reason-preset')).toBeNull();

    await typeReason('   ');
    await click(screen.getByTestId('action-confirm'));
    expect(screen.getByTestId('action-error').textContent).toContain(en.actions.commentRequired);
    expect(api.callsOf('actions.comment')).toEqual([]);

    await typeReason('Guest lost her bag.\nCall back tomorrow.');
    await click(screen.getByTestId('action-confirm'));
    expect(api.callsOf('actions.comment')).toEqual([{ productId: 5551, comment: 'Guest lost her bag.\nCall back tomorrow.', requestId: aRequestId }]);
    expect(screen.getByTestId('action-result').textContent).toContain('comment was saved');
    expect(api.callsOf('settings.update')).toEqual([]);
  });
});

describe('actions on a product opened from Search', () => {
  it('blocks there too and shows the returned state in the opened product', async () => {
    const restoreLayout = emulateListLayout('search-results', 480);
    onTestFinished(restoreLayout);
    const hit = searchHit('Lars Hansen', 6001);
    const hitUid = hit.product.tokens.find((token) => token.active)?.uid ?? '';
    const api = new FakeApi({
      handlers: {
        'operator.current': () => ({ name: 'Anna', since: 1 }),
        'venueManager.search': () => ({ hits: [hit], fetchedAt: 1 }),
        'venueManager.product': () => ({ match: hit, fetchedAt: 2 }),
        'actions.block': ({ uid }) => actionResult(blockedIn(hit, uid)),
      },
    });
    renderApp(api);
    await screen.findByTestId('operator-name');
    await actAndSettle(() => {
      window.location.hash = '#/search';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await actAndSettle(() => fireEvent.change(screen.getByTestId('search-field-name'), { target: { value: 'Lars' } }));
    await click(screen.getByTestId('search-submit'));
    await click(screen.getByTestId('search-result'));
    const view = await screen.findByTestId('product-view');

    await click(within(view).getByTestId('action-block'));
    expect(screen.getByTestId('action-confirm').textContent).toContain('of Lars Hansen');
    await typeReason('Lost');
    // Escape belongs to the dialog: it must not also close the product.
    await actAndSettle(() => fireEvent.keyDown(window, { key: 'Escape' }));
    expect(screen.getByTestId('product-view')).toBeTruthy();
    await click(within(screen.getByTestId('product-view')).getByTestId('action-block'));
    await typeReason('Lost');
    await click(screen.getByTestId('action-confirm'));

    expect(api.callsOf('actions.block')).toEqual([{ productId: 6001, uid: hitUid, reason: 'Lost', requestId: aRequestId }]);
    const states = within(screen.getByTestId('product-view'))
      .getAllByTestId('product-token')
      .map((token) => token.dataset.state);
    expect(states).toEqual(['blocked', 'blocked']);
    expect(screen.getByTestId('action-result')).toBeTruthy();
  });
});

describe('actions: unusable reads', () => {
  it('a random ID is never taken as the new wristband; the wait goes on and says why', async () => {
    const { api, emit } = await identified({ 'actions.replace': () => actionResult(mette) });
    await click(screen.getByTestId('action-replace'));
    await emit({ event: 'scan', payload: { ...scan('08A1B2C3'), problem: 'random-uid' } });
    expect(screen.getByTestId('replace-waiting-tap')).toBeTruthy();
    expect(screen.getByTestId('tap-unusable').textContent).toContain(en.identify.unreadable.randomUid);
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }]);
    await emit({ event: 'scan', payload: scan(newUid) });
    expect(screen.getByTestId('replace-new-uid').textContent).toBe(newUid);
    expect(screen.queryByTestId('tap-refused')).toBeNull();
  });
});

describe('actions: one request id per submission', () => {
  /** What was sent so far, in order (the shape the shared schema gives the request). */
  function sent(api: FakeApi, method: 'actions.block' | 'actions.comment'): { reason?: string; requestId?: string }[] {
    return api.callsOf(method) as { reason?: string; requestId?: string }[];
  }

  function requestIds(api: FakeApi, method: 'actions.block' | 'actions.comment'): (string | undefined)[] {
    return sent(api, method).map((request) => request.requestId);
  }

  it('sends the same id again when the same submission is confirmed again after a dropped connection, and a new one once the text changed', async () => {
    let answers = 0;
    const { api } = await identified({
      'actions.block': ({ uid }) => {
        answers += 1;
        if (answers <= 2) throw new AppError('NETWORK', 'socket closed before the answer');
        return actionResult(blockedIn(mette, uid));
      },
    });
    await click(screen.getByTestId('action-block'));
    await typeReason('Stolen at the bar');
    await click(screen.getByTestId('action-confirm'));
    expect(screen.getByTestId('action-error').dataset.code).toBe('NETWORK');
    expect(screen.getByTestId('action-dialog')).toBeTruthy();

    // The person presses confirm again: the same submission, so the core can tell it is not a second block.
    await click(screen.getByTestId('action-confirm'));
    const [first, second] = requestIds(api, 'actions.block');
    expect(first).toMatch(uuid);
    expect(second).toBe(first);

    // Spaces around the text do not make it another submission.
    await typeReason('  Stolen at the bar ');
    await click(screen.getByTestId('action-confirm'));
    expect(requestIds(api, 'actions.block')[2]).toBe(first);
    // The third answer got through: one block, done.
    expect(screen.queryByTestId('action-dialog')).toBeNull();
    expect(screen.getByTestId('action-result').textContent).toContain('Done: wristband 04A2…C1 of Mette Hansen is blocked.');
  });

  it('renews the id when the person edits the text between tries', async () => {
    let fail = true;
    const { api } = await identified({
      'actions.block': ({ uid }) => {
        if (fail) throw new AppError('TIMEOUT', 'no answer in time');
        return actionResult(blockedIn(mette, uid));
      },
    });
    await click(screen.getByTestId('action-block'));
    await typeReason('Lost');
    await click(screen.getByTestId('action-confirm'));
    await typeReason('Lost at the main stage');
    fail = false;
    await click(screen.getByTestId('action-confirm'));
    expect(sent(api, 'actions.block').map((request) => request.reason)).toEqual(['Lost', 'Lost at the main stage']);
    const [first, second] = requestIds(api, 'actions.block');
    expect(first).toMatch(uuid);
    expect(second).toMatch(uuid);
    expect(second).not.toBe(first);
    expect(screen.queryByTestId('action-dialog')).toBeNull();
  });

  it('gives a new action (even with the same words) a new id', async () => {
    const { api, emit } = await identified({ 'actions.comment': () => actionResult(mette) });
    for (let round = 0; round < 2; round += 1) {
      await click(screen.getByTestId('action-comment'));
      await typeReason('Called the guest back');
      await click(screen.getByTestId('action-confirm'));
      await emit({ event: 'scan', payload: scan(tappedUid) });
      await screen.findByTestId('identify-owner-name');
    }
    const [first, second] = requestIds(api, 'actions.comment');
    expect(first).toMatch(uuid);
    expect(second).toMatch(uuid);
    expect(second).not.toBe(first);
  });

  it('makes an id the core accepts even where crypto.randomUUID is missing (browser mode over plain HTTP)', () => {
    const real = crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array<ArrayBuffer>) => real.getRandomValues(array) });
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const ids = Array.from({ length: 20 }, () => newRequestId());
    for (const id of ids) {
      expect(id).toMatch(uuid);
      expect(BlockRequest.safeParse({ productId: 1, uid: tappedUid, reason: 'Lost', requestId: id }).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
