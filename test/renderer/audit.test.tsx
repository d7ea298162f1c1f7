import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../src/shared/audit';
import { AppError } from '../../src/shared/errors';
import da from '../../src/renderer/src/i18n/locales/da.json';
import en from '../../src/renderer/src/i18n/locales/en.json';
import nl from '../../src/renderer/src/i18n/locales/nl.json';
import { FakeApi, type Handlers } from './support/FakeApi';
import { settingsView } from './support/fixtures';
import { auditEntry, bandA, bandB } from './support/outboxFixtures';
import { actAndSettle, click, goTo, renderApp, resetDom } from './support/renderApp';

afterEach(() => {
  resetDom();
  vi.restoreAllMocks();
});

function change(testId: string, value: string) {
  return actAndSettle(() => fireEvent.change(screen.getByTestId(testId), { target: { value } }));
}

/** The table's rows (a plain selector: a few hundred rows through the role/test-id queries is slow). */
function auditRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="audit-row"]')];
}

function cells(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

/** `count` entries, newest (highest id) first, from `newest` down. */
function page(newest: number, count: number): AuditEntry[] {
  return Array.from({ length: count }, (_, index) => auditEntry(newest - index));
}

async function auditView(handlers: Handlers) {
  const api = new FakeApi({ handlers });
  const rendered = renderApp(api);
  await goTo('#/audit');
  await screen.findByTestId('audit-view');
  return rendered;
}

describe('audit log', () => {
  it('lists every attempt newest first with who, where, what, why and how it ended (venue time)', async () => {
    const replaced = auditEntry(12, {
      at: Date.UTC(2026, 6, 4, 10, 0, 5),
      operator: 'Bo',
      desk: 'Gate 2',
      action: 'replace',
      newUid: bandB,
      reason: 'Chip unreadable',
      outcome: 'refused',
      errorCode: 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE',
      serverMessage: 'New token is active on product 777',
    });
    const open = auditEntry(11, { action: 'comment', uid: null, reason: 'Refund asked', outcome: null, finishedAt: null });
    const { api } = await auditView({ 'audit.list': () => ({ entries: [replaced, open] }) });
    expect(api.callsOf('audit.list')).toEqual([{ filter: {}, limit: 100 }]);
    const [first, second] = screen.getAllByTestId('audit-row');
    const columns = cells(first!);
    // 10:00:05 UTC is 12:00:05 in Copenhagen (the default venue time zone) in July.
    expect(columns[0]).toContain('12:00:05');
    expect(columns.slice(1)).toEqual([
      'Bo',
      'Gate 2',
      'Replace',
      '5551',
      `${bandA} → ${bandB}`,
      'Chip unreadable',
      '⊘ Refused',
      `${en.errors.VM_NEW_TOKEN_ACTIVE_ELSEWHERE} New token is active on product 777`,
    ]);
    // The code itself stays at hand for support.
    expect(within(first!).getByTestId('audit-code').dataset.code).toBe('VM_NEW_TOKEN_ACTIVE_ELSEWHERE');
    expect(within(first!).getByTestId('audit-code').getAttribute('title')).toBe('VM_NEW_TOKEN_ACTIVE_ELSEWHERE');
    expect(cells(second!).slice(3)).toEqual(['Comment', '5551', '', 'Refund asked', '◷ Open (queued or being sent)', '']);
    expect(screen.getByTestId('audit-count').textContent).toBe('2 entries shown');
    expect(screen.getByTestId('audit-end').textContent).toBe(en.audit.end);
    expect(screen.queryByTestId('audit-load-older')).toBeNull();
  });

  it('shows the outbox\'s notes and our error codes in the desk\'s language, Venue Manager\'s words as they are', async () => {
    const entries = [
      // The core writes each note's English form beside it: the translated note replaces it.
      auditEntry(27, { errorCode: 'ALREADY_APPLIED', serverMessage: 'confirmed from the product history after a lost answer' }),
      auditEntry(26, { errorCode: 'ALREADY_DONE_ELSEWHERE', serverMessage: 'already done by another desk' }),
      auditEntry(25, { action: 'comment', uid: null, errorCode: 'POSSIBLE_DUPLICATE', serverMessage: 'may be duplicated: sent again after a lost answer' }),
      // An edit or discard keeps Venue Manager's last words, or just its own name.
      auditEntry(24, { outcome: 'refused', errorCode: 'EDITED', serverMessage: 'edited' }),
      auditEntry(23, { outcome: 'refused', errorCode: 'DISCARDED', serverMessage: 'Token already blocked' }),
      // Our own codes: explained; their English detail only in the tooltip.
      auditEntry(22, { outcome: 'failed', errorCode: 'TIMEOUT', serverMessage: 'socket hang up after 10000 ms' }),
      auditEntry(21, { outcome: 'failed', errorCode: 'SOMETHING_NEW', serverMessage: null }),
      auditEntry(20, { outcome: 'refused', errorCode: 'VM_UNKNOWN_ERROR', serverMessage: 'Computer says no' }),
    ];
    await auditView({ 'audit.list': () => ({ entries }) });
    const errorColumn = auditRows().map((row) => cells(row).at(-1));
    expect(errorColumn).toEqual([
      'already applied (confirmed from the product history)',
      'already done by another desk',
      'may be duplicated',
      'edited: replaced by a corrected action',
      'discarded by a person Token already blocked',
      en.errors.TIMEOUT,
      'SOMETHING_NEW',
      `${en.errors.VM_UNKNOWN_ERROR} Computer says no`,
    ]);
    expect(auditRows().map((row) => within(row).getByTestId('audit-code').dataset.code)).toEqual(entries.map((entry) => entry.errorCode));
    // Venue Manager's words stay quoted, untranslated; ours are at hand in the tooltip.
    expect(auditRows()[4]?.querySelector('q')?.textContent).toBe('Token already blocked');
    expect(auditRows()[7]?.querySelector('q')?.textContent).toBe('Computer says no');
    expect(auditRows()[5]?.querySelector('q')).toBeNull();
    expect(auditRows()[5]?.querySelector('.audit-view__error')?.getAttribute('title')).toBe('socket hang up after 10000 ms');
    expect(auditRows()[6]?.querySelector('code')?.textContent).toBe('SOMETHING_NEW');
  });

  it('translates the notes in Danish and Dutch too', async () => {
    for (const [language, texts] of [
      ['da', da],
      ['nl', nl],
    ] as const) {
      const view = settingsView();
      const api = new FakeApi({
        settings: { ...view, settings: { ...view.settings, language } },
        handlers: { 'audit.list': () => ({ entries: [auditEntry(2, { errorCode: 'POSSIBLE_DUPLICATE' }), auditEntry(1, { errorCode: 'NETWORK' })] }) },
      });
      renderApp(api);
      await goTo('#/audit');
      await screen.findAllByTestId('audit-row');
      expect(auditRows().map((row) => cells(row).at(-1))).toEqual([texts.audit.note.POSSIBLE_DUPLICATE, texts.errors.NETWORK]);
      resetDom();
    }
  });

  it('sends the filter as typed: trimmed, only what is set, days at the venue; refuses a reversed range', async () => {
    const { api } = await auditView({ 'audit.list': () => ({ entries: [] }) });
    await change('audit-filter-operator', ' Anna ');
    await change('audit-filter-action', 'replace');
    await change('audit-filter-outcome', 'open');
    await change('audit-filter-text', ' 5551 ');
    await change('audit-filter-from', '2026-07-03');
    await change('audit-filter-to', '2026-07-04');
    await click(screen.getByTestId('audit-filter-apply'));
    expect(api.callsOf('audit.list').at(-1)).toEqual({
      filter: {
        operator: 'Anna',
        action: 'replace',
        outcome: 'open',
        text: '5551',
        // Copenhagen is UTC+2 in summer: its 3 July starts at 22:00 UTC on 2 July.
        from: Date.UTC(2026, 6, 2, 22),
        to: Date.UTC(2026, 6, 4, 22) - 1,
      },
      limit: 100,
    });
    expect(screen.getByTestId('audit-empty').textContent).toBe(en.audit.empty);

    const calls = api.callsOf('audit.list').length;
    await change('audit-filter-from', '2026-07-05');
    await click(screen.getByTestId('audit-filter-apply'));
    expect(screen.getByTestId('audit-filter-from-error').textContent).toContain(en.audit.filter.dateOrder);
    expect(api.callsOf('audit.list').length).toBe(calls);

    await click(screen.getByTestId('audit-filter-clear'));
    expect(api.callsOf('audit.list').at(-1)).toEqual({ filter: {}, limit: 100 });
    expect(screen.getByTestId<HTMLInputElement>('audit-filter-operator').value).toBe('');
    expect(screen.queryByTestId('audit-filter-from-error')).toBeNull();
  });

  it('keeps the typed filter when leaving and coming back', async () => {
    const { api } = await auditView({ 'audit.list': () => ({ entries: [] }) });
    await change('audit-filter-operator', 'Bo');
    await goTo('#/identify');
    await goTo('#/audit');
    expect(screen.getByTestId<HTMLInputElement>('audit-filter-operator').value).toBe('Bo');
    expect(api.callsOf('audit.list').at(-1)).toEqual({ filter: { operator: 'Bo' }, limit: 100 });
  });

  it('loads older pages by beforeId with the same filter until a page is not full', async () => {
    const { api } = await auditView({
      'audit.list': ({ beforeId }) => ({ entries: beforeId === undefined ? page(1000, 100) : page(beforeId - 1, beforeId === 901 ? 100 : 30) }),
    });
    await change('audit-filter-action', 'block');
    await click(screen.getByTestId('audit-filter-apply'));
    expect(auditRows()).toHaveLength(100);

    await click(screen.getByTestId('audit-load-older'));
    expect(api.callsOf('audit.list').at(-1)).toEqual({ filter: { action: 'block' }, limit: 100, beforeId: 901 });
    await click(screen.getByTestId('audit-load-older'));
    expect(api.callsOf('audit.list').at(-1)).toEqual({ filter: { action: 'block' }, limit: 100, beforeId: 801 });

    const shown = auditRows().map((row) => Number(row.dataset.id));
    expect(shown).toHaveLength(230);
    expect(shown[0]).toBe(1000);
    expect(shown.at(-1)).toBe(771);
    expect(shown.every((id, index) => index === 0 || id < shown[index - 1]!)).toBe(true);
    expect(screen.queryByTestId('audit-load-older')).toBeNull();
    expect(screen.getByTestId('audit-end')).toBeTruthy();
    // Rendering 230 rows in happy-dom takes a while on a loaded machine.
  }, 20_000);

  it('says when the audit cannot be loaded, and tries again', async () => {
    let fail = true;
    await auditView({
      'audit.list': () => {
        if (fail) throw new AppError('INTERNAL', 'db');
        return { entries: [auditEntry(1)] };
      },
    });
    expect(screen.getByTestId('audit-failed').textContent).toContain(en.errors.INTERNAL);
    fail = false;
    await click(within(screen.getByTestId('audit-failed')).getByRole('button'));
    expect(screen.getAllByTestId('audit-row')).toHaveLength(1);
  });
});

describe('audit CSV export', () => {
  it('exports with the filter shown, downloads the CSV through a temporary link and says how many rows', async () => {
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string; connected: boolean }[] = [];
    const createObjectURL = vi.fn((object: Blob | MediaSource) => {
      if (object instanceof Blob) blobs.push(object);
      return 'blob:wristdesk/1';
    });
    vi.spyOn(URL, 'createObjectURL').mockImplementation(createObjectURL);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, connected: this.isConnected });
    });
    const csv = 'id,at,operator\n3,2026-07-04T10:00:00Z,Søren\n';
    const { api } = await auditView({
      'audit.list': () => ({ entries: page(3, 3) }),
      'audit.exportCsv': () => ({ fileName: 'wristdesk-audit-2026-07-04.csv', csv, rows: 3 }),
    });
    await change('audit-filter-operator', 'Søren');
    await click(screen.getByTestId('audit-filter-apply'));
    // Typed but not applied: the export follows what is shown.
    await change('audit-filter-operator', 'Anna');
    await click(screen.getByTestId('audit-export'));

    expect(api.callsOf('audit.exportCsv')).toEqual([{ filter: { operator: 'Søren' } }]);
    expect(clicked).toEqual([{ href: 'blob:wristdesk/1', download: 'wristdesk-audit-2026-07-04.csv', connected: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(csv);
    expect(screen.getByTestId('audit-exported').textContent).toBe('✔Exported 3 entries to wristdesk-audit-2026-07-04.csv.');
  });

  it('explains a failed export and downloads nothing', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
    await auditView({
      'audit.list': () => ({ entries: [auditEntry(1)] }),
      'audit.exportCsv': () => {
        throw new AppError('ADMIN_LOCKED', 'locked');
      },
    });
    await click(screen.getByTestId('audit-export'));
    expect(screen.getByTestId('audit-export-failed').textContent).toContain(en.errors.ADMIN_LOCKED);
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
