import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { Language } from '../../src/shared/settings';
import { outboxDecisions, type OutboxDecision, type OutboxItemView, type OutboxSummary } from '../../src/shared/outbox';
import da from '../../src/renderer/src/i18n/locales/da.json';
import en from '../../src/renderer/src/i18n/locales/en.json';
import nl from '../../src/renderer/src/i18n/locales/nl.json';
import { deferred, FakeApi, type Handlers } from './support/FakeApi';
import { settingsView } from './support/fixtures';
import { bandA, bandB, outboxDesk, outboxItem, outboxSummary, ToneRecorder } from './support/outboxFixtures';
import { actAndSettle, click, goTo, renderApp, resetDom } from './support/renderApp';

const tones = new ToneRecorder();
const found = [880, 1320];
const failure = [200, 200];

beforeEach(() => tones.install());
afterEach(() => {
  resetDom();
  tones.uninstall();
});

function type(element: Element, value: string) {
  return actAndSettle(() => fireEvent.change(element, { target: { value } }));
}

function rows() {
  return screen.queryAllByTestId('outbox-row');
}

function row(id: string): HTMLElement {
  const found = rows().find((element) => element.dataset.id === id);
  if (found === undefined) throw new Error(`no outbox row ${id}`);
  return found;
}

const conflict = outboxItem('c1', 'conflict', {
  seq: 3,
  attempts: 1,
  lastError: { code: 'VM_TOKEN_ALREADY_BLOCKED', message: 'Token already blocked' },
  outcome: 'conflict',
  decidedBy: 'replayer',
  decision: 'refused-different-state',
  decisionReason: 'Venue Manager refused it: the product there is not as this desk expected',
});
const failed = outboxItem('f1', 'failed', {
  seq: 2,
  action: { kind: 'replace', productId: 5552, uid: bandA, newUid: bandB, reason: 'Chip unreadable' },
  lastError: { code: 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE', message: 'New token is active on product 777' },
  outcome: 'failed',
  decidedBy: 'replayer',
  decision: 'cannot-be-sent',
});
const waiting = outboxItem('p1', 'pending', {
  seq: 4,
  attempts: 2,
  nextAttemptAt: Date.now() + 5 * 60_000 + 20_000,
  mayHaveApplied: true,
  lastError: { code: 'NETWORK', message: 'connect ECONNREFUSED' },
  decidedBy: 'Bo',
  decision: 'retried',
});
const duplicated = outboxItem('d1', 'done', {
  seq: 1,
  action: { kind: 'comment', productId: 5553, comment: 'Guest asked for a refund' },
  possibleDuplicate: true,
  outcome: 'possible-duplicate',
  decidedBy: 'replayer',
  decision: 'possible-duplicate',
  finishedAt: Date.now() - 60_000,
});
const elsewhere = outboxItem('d2', 'done', {
  seq: 0,
  outcome: 'already-done-elsewhere',
  decidedBy: 'replayer',
  decision: 'already-done-elsewhere',
  decisionReason: 'Venue Manager already shows the end state',
  finishedAt: Date.now(),
});
// The person's own words, as typed: quotes, a dash and markup-like text stay as they are.
const ownReason = 'Guest left — said "keep it" <b>twice</b>';
const discarded = outboxItem('x1', 'discarded', { seq: -1, outcome: 'discarded', decidedBy: 'Bo', decision: 'discarded', decisionReason: ownReason });
const everything = [waiting, conflict, failed, duplicated, elsewhere, discarded];
const busySummary = outboxSummary({ pending: 2, conflicts: 1, failed: 1, possibleDuplicates: 1, lastSyncAt: Date.now() - 2 * 60_000 });

/** The app on the Outbox view of a desk whose core holds `items`. */
async function outboxView(
  handlers: Handlers = {},
  items: OutboxItemView[] = everything,
  summary: OutboxSummary = busySummary,
  language: Language = 'en',
) {
  const view = settingsView();
  const settings = { ...view, settings: { ...view.settings, language } };
  const api = new FakeApi({ settings, handlers: { ...outboxDesk(items, summary), ...handlers } });
  const rendered = renderApp(api);
  await screen.findByTestId('operator-name');
  await goTo('#/outbox');
  await screen.findByTestId('outbox-view');
  return rendered;
}

describe('outbox: the list', () => {
  it('opens on "Needs a person" when anything does, with what, state, age, the server\'s words and the decision', async () => {
    const { api } = await outboxView();
    expect(screen.getByTestId('outbox-filter-attention').getAttribute('aria-pressed')).toBe('true');
    expect(api.callsOf('outbox.list')).toEqual([{ states: ['conflict', 'failed'] }]);
    expect(rows().map((element) => element.dataset.state)).toEqual(['conflict', 'failed']);

    const first = within(row('c1'));
    expect(first.getByTestId('outbox-what').textContent).toBe('Block wristband 04A2…C1 on product no. 5551');
    expect(first.getByTestId('outbox-what').getAttribute('title')).toBe(bandA);
    expect(first.getByTestId('outbox-state').textContent).toBe('▲ Conflict');
    expect(first.getByTestId('outbox-text').textContent).toBe('Reason: Lost');
    expect(first.getByTestId('outbox-meta').textContent).toBe('Anna at Help desk, 3 minutes ago');
    expect(first.getByTestId('outbox-server-words').textContent).toContain('Venue Manager said: Token already blocked');
    expect(first.getByTestId('outbox-server-words').textContent).toContain(en.errors.VM_TOKEN_ALREADY_BLOCKED);
    expect(first.queryByTestId('outbox-our-words')).toBeNull();
    // The decision by its code, not the English decisionReason meant for the logs.
    expect(first.getByTestId('outbox-decision').textContent).toBe('Refused: Venue Manager shows a different state');
    expect(within(row('f1')).getByTestId('outbox-decision').textContent).toBe('Cannot be sent as it is');
    for (const action of ['outbox-retry', 'outbox-edit', 'outbox-discard']) expect(first.getByTestId(action)).toBeTruthy();

    expect(within(row('f1')).getByTestId('outbox-what').textContent).toBe(
      'Replace wristband 04A2…C1 with 04BB…02 on product no. 5552',
    );
    expect(within(row('f1')).getByTestId('outbox-state').textContent).toBe('✖ Failed');
  });

  it('shows attempts and the next try for waiting items, the duplicate flag and decisions for done ones, and nothing to decide on either', async () => {
    const { api } = await outboxView();
    await click(screen.getByTestId('outbox-filter-waiting'));
    expect(api.callsOf('outbox.list').at(-1)).toEqual({ states: ['pending', 'sending'] });
    expect(rows().map((element) => element.dataset.id)).toEqual(['p1']);
    const pending = within(row('p1'));
    expect(pending.getByTestId('outbox-state').textContent).toBe('◷ Waiting');
    expect(pending.getByTestId('outbox-next-try').textContent).toMatch(/^ · 2 tries · next try in 5 minutes \(.+\)$/);
    expect(row('p1').textContent).toContain(en.outbox.mayHaveApplied);
    // Our own code: explained in the desk's language, not quoted as Venue Manager's words.
    expect(pending.getByTestId('outbox-our-words').textContent).toBe(`Noted by Wristdesk: ${en.errors.NETWORK}`);
    expect(pending.queryByTestId('outbox-server-words')).toBeNull();
    expect(row('p1').textContent).not.toContain('ECONNREFUSED');
    expect(row('p1').textContent).not.toContain(en.outbox.serverSaid);
    expect(pending.getByTestId('outbox-decision').textContent).toBe('Retried by Bo');
    expect(pending.queryByTestId('outbox-retry')).toBeNull();

    await click(screen.getByTestId('outbox-filter-done'));
    expect(api.callsOf('outbox.list').at(-1)).toEqual({ states: ['done'] });
    const comment = within(row('d1'));
    expect(comment.getByTestId('outbox-what').textContent).toBe('Comment on product no. 5553');
    expect(comment.getByTestId('outbox-text').textContent).toBe('Comment: Guest asked for a refund');
    expect(comment.getByTestId('outbox-duplicate').textContent).toBe('⚠ May be duplicated');
    expect(comment.getByTestId('outbox-decision').textContent).toBe('Sent again after a lost answer — may be there twice');
    expect(within(row('d2')).getByTestId('outbox-decision').textContent).toBe('Already done by another desk');
    expect(within(row('d2')).queryByTestId('outbox-duplicate')).toBeNull();
    expect(screen.queryByTestId('outbox-retry')).toBeNull();

    await click(screen.getByTestId('outbox-filter-discarded'));
    expect(within(row('x1')).getByTestId('outbox-decision').textContent).toBe(`Discarded by Bo: “${ownReason}”`);

    await click(screen.getByTestId('outbox-filter-all'));
    expect(api.callsOf('outbox.list').at(-1)).toEqual({});
    expect(rows()).toHaveLength(everything.length);
  });

  it('opens on "All" when nothing needs a person, and says when a filter has nothing', async () => {
    const { api } = await outboxView({}, [elsewhere], outboxSummary());
    expect(screen.getByTestId('outbox-filter-all').getAttribute('aria-pressed')).toBe('true');
    expect(api.callsOf('outbox.list')).toEqual([{}]);
    expect(rows()).toHaveLength(1);
    await click(screen.getByTestId('outbox-filter-attention'));
    expect(screen.getByTestId('outbox-empty').textContent).toBe(en.outbox.empty.attention);
  });

  it('says the list could not be loaded, in words', async () => {
    await outboxView({
      'outbox.list': () => {
        throw new AppError('INTERNAL', 'db locked');
      },
    });
    expect(screen.getByTestId('outbox-load-failed').textContent).toContain(en.outbox.loadFailed);
    expect(screen.getByTestId('outbox-load-failed').textContent).toContain(en.errors.INTERNAL);
  });
});

describe('outbox: deciding', () => {
  it('retries with the id, says so, plays the success tone and reloads the list', async () => {
    let items = everything;
    const { api } = await outboxView({
      'outbox.list': ({ states }) => ({ items: items.filter((item) => states?.includes(item.state) ?? true) }),
      'outbox.retry': ({ id }) => {
        items = items.map((item) => (item.id === id ? { ...item, state: 'pending', outcome: null } : item));
        return { ...conflict, state: 'pending', outcome: null };
      },
    });
    const listed = api.callsOf('outbox.list').length;
    tones.take();
    await click(within(row('c1')).getByTestId('outbox-retry'));
    expect(api.callsOf('outbox.retry')).toEqual([{ id: 'c1' }]);
    expect(screen.getByTestId('outbox-notice').textContent).toBe(
      '✔Queued again: Block wristband 04A2…C1 on product no. 5551. It goes to Venue Manager as soon as it can.',
    );
    expect(tones.take()).toEqual(found);
    expect(api.callsOf('outbox.list').length).toBe(listed + 1);
    // The reload asked for what is shown: the item left "Needs a person", the notice stays.
    expect(api.callsOf('outbox.list').at(-1)).toEqual({ states: ['conflict', 'failed'] });
    expect(rows().map((element) => element.dataset.id)).toEqual(['f1']);
    expect(screen.getByTestId('outbox-notice')).toBeTruthy();
  });

  it('says a retry that was refused again is still not done, with the error tone', async () => {
    await outboxView({ 'outbox.retry': () => conflict });
    tones.take();
    await click(within(row('c1')).getByTestId('outbox-retry'));
    expect(screen.getByTestId('outbox-notice').textContent).toContain('Still not done: Block wristband 04A2…C1');
    expect(tones.take()).toEqual(failure);
  });

  it('explains a failed action in the row with the error text and the error tone', async () => {
    await outboxView({
      'outbox.retry': () => {
        throw new AppError('NOT_SIGNED_IN', 'nobody');
      },
    });
    tones.take();
    await click(within(row('c1')).getByTestId('outbox-retry'));
    expect(within(row('c1')).getByTestId('outbox-row-problem').textContent).toBe(`✖${en.outbox.notDone} ${en.errors.NOT_SIGNED_IN}`);
    expect(screen.queryByTestId('outbox-notice')).toBeNull();
    expect(tones.take()).toEqual(failure);
  });

  it('reloads the list when the item had moved on meanwhile, and says so above it', async () => {
    let items = everything;
    const { api } = await outboxView({
      'outbox.list': ({ states }) => ({ items: items.filter((item) => states?.includes(item.state) ?? true) }),
      'outbox.discard': ({ id }) => {
        // Another operator at this desk retried it a moment ago.
        items = items.map((item) => (item.id === id ? { ...item, state: 'pending' } : item));
        throw new AppError('OUTBOX_NOT_RESOLVABLE', `${id} is pending`);
      },
    });
    const listed = api.callsOf('outbox.list').length;
    await click(within(row('c1')).getByTestId('outbox-discard'));
    await type(screen.getByTestId('outbox-discard-reason'), 'Guest left');
    await click(screen.getByTestId('outbox-discard-submit'));
    expect(api.callsOf('outbox.list').length).toBe(listed + 1);
    expect(rows().map((element) => element.dataset.id)).toEqual(['f1']);
    expect(screen.getByTestId('outbox-notice').textContent).toBe(
      `✖Not done: Block wristband 04A2…C1 on product no. 5551. ${en.errors.OUTBOX_NOT_RESOLVABLE}`,
    );
  });

  it('edits a block: another wristband, only the changed field is sent', async () => {
    const { api } = await outboxView({
      'outbox.edit': (request) => ({ ...conflict, id: 'c2', state: 'pending', action: { ...conflict.action, uid: request.uid ?? bandA } as OutboxItemView['action'] }),
    });
    await click(within(row('c1')).getByTestId('outbox-edit'));
    const form = within(screen.getByTestId('outbox-edit-form'));
    expect(form.getByTestId<HTMLInputElement>('outbox-edit-uid').value).toBe(bandA);
    expect(form.getByTestId<HTMLInputElement>('outbox-edit-reason').value).toBe('Lost');
    expect(form.getByLabelText(en.outbox.editForm.uidBlock)).toBe(form.getByTestId('outbox-edit-uid'));
    expect(form.queryByTestId('outbox-edit-newUid')).toBeNull();

    await type(form.getByTestId('outbox-edit-uid'), ` ${bandB} `);
    await click(form.getByTestId('outbox-edit-submit'));
    expect(api.callsOf('outbox.edit')).toEqual([{ id: 'c1', uid: bandB }]);
    expect(screen.getByTestId('outbox-notice').textContent).toBe('✔Changed and queued: Block wristband 04BB…02 on product no. 5551.');
    expect(screen.queryByTestId('outbox-edit-form')).toBeNull();
  });

  it('edits a replace (new band and reason) and refuses an emptied field or no change at all', async () => {
    const { api } = await outboxView({ 'outbox.edit': () => ({ ...failed, state: 'pending' }) });
    await click(within(row('f1')).getByTestId('outbox-edit'));
    const form = within(screen.getByTestId('outbox-edit-form'));
    expect(form.queryByTestId('outbox-edit-uid')).toBeNull();
    expect(form.getByTestId<HTMLInputElement>('outbox-edit-newUid').value).toBe(bandB);

    await click(form.getByTestId('outbox-edit-submit'));
    expect(form.getByTestId('outbox-edit-unchanged').textContent).toContain(en.outbox.editForm.unchanged);
    await type(form.getByTestId('outbox-edit-reason'), '   ');
    await click(form.getByTestId('outbox-edit-submit'));
    expect(form.getByTestId('outbox-edit-reason-error').textContent).toContain(en.outbox.editForm.required);
    expect(api.callsOf('outbox.edit')).toEqual([]);

    await type(form.getByTestId('outbox-edit-newUid'), '04CCCCCCCCCC03');
    await type(form.getByTestId('outbox-edit-reason'), 'Band broken');
    await click(form.getByTestId('outbox-edit-submit'));
    expect(api.callsOf('outbox.edit')).toEqual([{ id: 'f1', newUid: '04CCCCCCCCCC03', reason: 'Band broken' }]);
  });

  it('edits a comment\'s text; Escape closes the form without sending', async () => {
    const comment = outboxItem('c9', 'conflict', { action: { kind: 'comment', productId: 5553, comment: 'Refund asked' } });
    const { api } = await outboxView({ 'outbox.edit': () => ({ ...comment, state: 'pending' }) }, [comment], outboxSummary({ conflicts: 1 }));
    await click(within(row('c9')).getByTestId('outbox-edit'));
    expect(screen.getByTestId('outbox-edit-comment').tagName).toBe('TEXTAREA');
    await actAndSettle(() => fireEvent.keyDown(screen.getByTestId('outbox-edit-comment'), { key: 'Escape' }));
    expect(screen.queryByTestId('outbox-edit-form')).toBeNull();

    await click(within(row('c9')).getByTestId('outbox-edit'));
    await type(screen.getByTestId('outbox-edit-comment'), 'Refund asked; sent to the box office');
    await click(screen.getByTestId('outbox-edit-submit'));
    expect(api.callsOf('outbox.edit')).toEqual([{ id: 'c9', comment: 'Refund asked; sent to the box office' }]);
  });

  it('discards only with a reason', async () => {
    const { api } = await outboxView({
      'outbox.discard': ({ id, reason }) => ({ ...conflict, id, state: 'discarded', outcome: 'discarded', decidedBy: 'Anna', decisionReason: reason }),
    });
    await click(within(row('c1')).getByTestId('outbox-discard'));
    await click(screen.getByTestId('outbox-discard-submit'));
    expect(screen.getByTestId('outbox-discard-reason-error').textContent).toContain(en.outbox.discardForm.reasonRequired);
    await type(screen.getByTestId('outbox-discard-reason'), '  ');
    await click(screen.getByTestId('outbox-discard-submit'));
    expect(api.callsOf('outbox.discard')).toEqual([]);

    tones.take();
    await type(screen.getByTestId('outbox-discard-reason'), ' Guest left the festival ');
    await click(screen.getByTestId('outbox-discard-submit'));
    expect(api.callsOf('outbox.discard')).toEqual([{ id: 'c1', reason: 'Guest left the festival' }]);
    expect(screen.getByTestId('outbox-notice').textContent).toBe(
      '✔Discarded: Block wristband 04A2…C1 on product no. 5551. The reason is kept in the audit log.',
    );
    expect(tones.take()).toEqual(found);
  });

  it('offers nothing to decide while nobody is signed in', async () => {
    const api = new FakeApi({ handlers: outboxDesk(everything, busySummary, false) });
    renderApp(api);
    await goTo('#/outbox');
    await screen.findAllByTestId('outbox-row');
    expect(screen.getByTestId('outbox-sign-in-first').textContent).toBe(en.outbox.signInFirst);
    expect(within(row('c1')).getByTestId<HTMLButtonElement>('outbox-retry').disabled).toBe(true);
  });
});

describe('outbox: sending and the summary', () => {
  it('sends now, shows the answer and counts from it', async () => {
    const { api } = await outboxView({ 'outbox.sendNow': () => ({ ...busySummary, pending: 2, replay: { done: 0, total: 2 } }) });
    await click(screen.getByTestId('outbox-send-now'));
    expect(api.callsOf('outbox.sendNow')).toEqual([{}]);
    expect(screen.getByTestId('outbox-notice').textContent).toBe('✔Sending 2 waiting changes now.');
    expect(screen.getByTestId('outbox-replay').textContent).toContain('Sending the backlog: 0 of 2');
  });

  it('shows the counts and the last sync, and follows the "outbox" event (and the nav badge with it)', async () => {
    const { api, emit } = await outboxView();
    expect(screen.getByTestId('outbox-count-pending').textContent).toBe('Waiting◷ 2');
    expect(screen.getByTestId('outbox-count-conflicts').textContent).toBe('Conflicts▲ 1');
    expect(screen.getByTestId('outbox-count-possibleDuplicates').textContent).toBe('May be duplicated⚠ 1');
    expect(screen.getByTestId('outbox-last-sync').textContent).toMatch(/^Venue Manager last accepted a change 2 minutes ago \(.+\)\.$/);
    expect(screen.getByTestId('nav-outbox-badge').dataset.count).toBe('2');
    expect(screen.getByTestId('nav-outbox-badge').textContent).toContain('2 need a person');

    const listed = api.callsOf('outbox.list').length;
    await emit({ event: 'outbox', payload: outboxSummary({ pending: 0, conflicts: 3, failed: 1, possibleDuplicates: 0 }) });
    expect(screen.getByTestId('outbox-count-conflicts').textContent).toBe('Conflicts▲ 3');
    expect(screen.getByTestId('outbox-count-pending').textContent).toBe('Waiting0');
    expect(screen.getByTestId('outbox-last-sync').textContent).toBe(en.outbox.neverSynced);
    expect(screen.getByTestId('nav-outbox-badge').dataset.count).toBe('4');
    expect(api.callsOf('outbox.list').length).toBe(listed + 1);
    expect(api.callsOf('outbox.list').at(-1)).toEqual({ states: ['conflict', 'failed'] });

    await emit({ event: 'outbox', payload: outboxSummary() });
    expect(screen.queryByTestId('nav-outbox-badge')).toBeNull();
  });

  it('loads the summary at start for the nav badge, and does not load the list away from the Outbox view', async () => {
    const api = new FakeApi({ handlers: outboxDesk(everything, busySummary) });
    const { emit } = renderApp(api);
    await screen.findByTestId('nav-outbox-badge');
    expect(api.callsOf('outbox.summary')).toEqual([{}]);
    await emit({ event: 'outbox', payload: outboxSummary({ failed: 5 }) });
    expect(screen.getByTestId('nav-outbox-badge').dataset.count).toBe('5');
    expect(api.callsOf('outbox.list')).toEqual([]);
  });

  it('reloads once more, not once per event, when events arrive while a reload runs', async () => {
    const answers: ReturnType<typeof deferred<{ items: OutboxItemView[] }>>[] = [];
    const { api, emit } = await outboxView();
    api.handlers['outbox.list'] = () => {
      const answer = deferred<{ items: OutboxItemView[] }>();
      answers.push(answer);
      return answer.promise;
    };
    const listed = api.callsOf('outbox.list').length;
    await emit({ event: 'outbox', payload: busySummary });
    await emit({ event: 'outbox', payload: busySummary });
    await emit({ event: 'outbox', payload: busySummary });
    expect(api.callsOf('outbox.list').length).toBe(listed + 1);
    await actAndSettle(() => answers[0]?.resolve({ items: [conflict] }));
    expect(api.callsOf('outbox.list').length).toBe(listed + 2);
    await actAndSettle(() => answers[1]?.resolve({ items: [failed] }));
    expect(api.callsOf('outbox.list').length).toBe(listed + 2);
    expect(rows().map((element) => element.dataset.id)).toEqual(['f1']);
  });

  it.each([
    ['UNAUTHORIZED', 'Venue Manager refused the credentials: ask the admin'],
    ['OFFLINE', en.outbox.paused.OFFLINE],
    ['OFFLINE_FORCED', en.outbox.paused.OFFLINE_FORCED],
    ['SOMETHING_NEW', 'Sending is paused (SOMETHING_NEW).'],
  ])('says why sending is paused: %s', async (pausedFor, text) => {
    await outboxView({}, everything, outboxSummary({ pending: 3, pausedFor }));
    const paused = screen.getByTestId('outbox-paused');
    expect(paused.textContent).toContain(text);
    expect(paused.getAttribute('role')).toBe(pausedFor === 'UNAUTHORIZED' ? 'alert' : 'status');
  });

  it('shows the replay of a backlog as a progress bar', async () => {
    const { emit } = await outboxView();
    expect(screen.queryByTestId('outbox-replay')).toBeNull();
    await emit({ event: 'outbox', payload: outboxSummary({ pending: 7, replay: { done: 3, total: 10 } }) });
    const progress = screen.getByTestId('outbox-replay').querySelector('progress');
    expect(progress?.getAttribute('value')).toBe('3');
    expect(progress?.getAttribute('max')).toBe('10');
    expect(screen.getByTestId('outbox-replay').textContent).toBe('Sending the backlog: 3 of 10');
  });
});

describe('outbox: decisions and problems in the desk\'s language', () => {
  const replacement = '3f9c2a71-0b4e-4d8a-9c11-5e2f7d6a8b90';
  /** One item per decision code, decided by Bo where a person decided. */
  const decided = outboxDecisions.map((decision, index) =>
    outboxItem(`i${String(index)}`, 'done', {
      seq: index,
      decision,
      decidedBy: ['retried', 'edited', 'shown-at-desk', 'discarded'].includes(decision) ? 'Bo' : 'replayer',
      decisionReason: decision === 'discarded' ? ownReason : `English note for the logs (${decision})`,
      replacedBy: decision === 'edited' ? replacement : null,
    }),
  );

  function decisionOf(decision: OutboxDecision): HTMLElement {
    const index = outboxDecisions.indexOf(decision);
    return within(row(`i${String(index)}`)).getByTestId('outbox-decision');
  }

  it.each([
    ['sent', 'Accepted by Venue Manager'],
    ['already-applied', 'Confirmed from the product history after a lost answer'],
    ['already-done-elsewhere', 'Already done by another desk'],
    ['possible-duplicate', 'Sent again after a lost answer — may be there twice'],
    ['refused-different-state', 'Refused: Venue Manager shows a different state'],
    ['refused-unreadable', 'Refused, and the product could not be read to check why'],
    ['refused-comment', 'Refused by Venue Manager'],
    ['cannot-be-sent', 'Cannot be sent as it is'],
    ['retried', 'Retried by Bo'],
    ['edited', 'Edited by Bo: replaced by a corrected action'],
    ['shown-at-desk', 'Refused while Bo waited at the desk; shown at once'],
    ['discarded', `Discarded by Bo: “${ownReason}”`],
  ] satisfies [OutboxDecision, string][])('%s reads "%s", never the English note for the logs', async (decision, text) => {
    await outboxView({}, decided, outboxSummary());
    const line = decisionOf(decision);
    expect(line.dataset.decision).toBe(decision);
    expect(line.textContent.startsWith(text)).toBe(true);
    expect(line.textContent).not.toContain('English note for the logs');
  });

  it('names the corrected action that replaced an edited one, shortened, with the full id in the tooltip', async () => {
    await outboxView({}, decided, outboxSummary());
    const replacedBy = within(decisionOf('edited')).getByTestId('outbox-replaced-by');
    expect(replacedBy.textContent).toBe(' · new action 3f9c2a71');
    expect(replacedBy.getAttribute('title')).toBe(replacement);
    expect(within(decisionOf('discarded')).queryByTestId('outbox-replaced-by')).toBeNull();
  });

  it('shows nothing for an item nothing was decided on yet', async () => {
    const fresh = outboxItem('n1', 'pending', { decisionReason: 'English note', outcome: null });
    await outboxView({}, [fresh], outboxSummary({ pending: 1 }));
    expect(within(row('n1')).queryByTestId('outbox-decision')).toBeNull();
    expect(row('n1').textContent).not.toContain('English note');
  });

  it.each([
    ['da', da],
    ['nl', nl],
  ] as const)('in %s: the decisions translated, a person\'s discard reason as typed, our problems explained', async (language, texts) => {
    const ours = outboxItem('o1', 'failed', { seq: 9, lastError: { code: 'TIMEOUT', message: 'socket hang up after 10000 ms' }, decision: 'cannot-be-sent' });
    const theirs = outboxItem('v1', 'conflict', {
      seq: 8,
      lastError: { code: 'VM_TOKEN_ALREADY_BLOCKED', message: 'Token already blocked' },
      decision: 'shown-at-desk',
      decidedBy: 'Anna',
    });
    await outboxView({}, [...decided, ours, theirs], outboxSummary(), language);
    expect(decisionOf('already-done-elsewhere').textContent).toBe(texts.outbox.decisionText['already-done-elsewhere']);
    expect(decisionOf('retried').textContent).toBe(texts.outbox.decisionText.retried.replace('{{name}}', 'Bo'));
    expect(decisionOf('discarded').textContent).toBe(
      texts.outbox.decisionText.discarded.replace('{{name}}', 'Bo').replace('{{reason}}', ownReason),
    );
    expect(decisionOf('discarded').textContent).toContain(ownReason);
    expect(within(row('v1')).getByTestId('outbox-decision').textContent).toBe(texts.outbox.decisionText['shown-at-desk'].replace('{{name}}', 'Anna'));

    expect(within(row('o1')).getByTestId('outbox-our-words').textContent).toBe(`${texts.outbox.ourWords} ${texts.errors.TIMEOUT}`);
    expect(row('o1').textContent).not.toContain('socket hang up');
    const server = within(row('v1')).getByTestId('outbox-server-words');
    expect(server.textContent).toContain(`${texts.outbox.serverSaid} Token already blocked`);
    expect(server.textContent).toContain(texts.errors.VM_TOKEN_ALREADY_BLOCKED);
  });

  it('shows a code this version does not know as it is, still as ours', async () => {
    const odd = outboxItem('u1', 'failed', { lastError: { code: 'SOMETHING_NEW', message: 'an English detail' } });
    await outboxView({}, [odd], outboxSummary({ failed: 1 }));
    expect(within(row('u1')).getByTestId('outbox-our-words').textContent).toBe('Noted by Wristdesk: SOMETHING_NEW');
    expect(row('u1').textContent).not.toContain('an English detail');
  });

  it('the summary\'s last problem: Venue Manager\'s words quoted, ours explained', async () => {
    const { emit } = await outboxView({}, everything, outboxSummary({ pending: 1, lastError: { code: 'VM_UNKNOWN_TOKEN', message: 'Unknown token' } }));
    expect(screen.getByTestId('outbox-last-error').textContent).toBe('Last problem: Venue Manager said: Unknown token');
    await emit({ event: 'outbox', payload: outboxSummary({ pending: 1, lastError: { code: 'SERVER_ERROR', message: 'HTTP 502 Bad Gateway' } }) });
    expect(screen.getByTestId('outbox-last-error').textContent).toBe(`Last problem: Noted by Wristdesk: ${en.errors.SERVER_ERROR}`);
  });
});
