import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit';
import { ErrorCode } from '../../../../shared/errors';
import { useErrorText } from '../../i18n/useErrorText';
import { useVenueTime } from '../../ui/useVenueTime';

type Outcome = NonNullable<AuditEntry['outcome']> | 'open';

const outcomeIcons: Record<Outcome, string> = { done: '✔', failed: '✖', refused: '⊘', open: '◷' };
const outcomeTones: Record<Outcome, string> = { done: 'good', failed: 'bad', refused: 'bad', open: 'neutral' };

/** The audit, newest first: one row per attempt, every column the CSV has. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  // One set of formatters for the whole table.
  const venueTime = useVenueTime();
  return (
    <div className="audit-view__scroll">
      <table className="audit-view__table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.column.time')}</th>
            <th scope="col">{t('audit.column.operator')}</th>
            <th scope="col">{t('audit.column.desk')}</th>
            <th scope="col">{t('audit.column.action')}</th>
            <th scope="col">{t('audit.column.product')}</th>
            <th scope="col">{t('audit.column.uid')}</th>
            <th scope="col">{t('audit.column.reason')}</th>
            <th scope="col">{t('audit.column.outcome')}</th>
            <th scope="col">{t('audit.column.error')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} venueTime={venueTime} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Memoised: loading an older page renders only the new rows. */
const AuditRow = memo(function AuditRow({ entry, venueTime }: { entry: AuditEntry; venueTime: (at: number) => string }) {
  const { t } = useTranslation();
  const outcome: Outcome = entry.outcome ?? 'open';
  const serverWords = isServersWords(entry) ? entry.serverMessage : null;
  // Wristdesk's own English detail stays at hand for support, in the tooltip (and the CSV).
  const detail = serverWords === null ? entry.serverMessage : null;
  return (
    <tr data-testid="audit-row" data-id={entry.id}>
      <td className="audit-view__time">{venueTime(entry.at)}</td>
      <td>{entry.operator}</td>
      <td>{entry.desk}</td>
      <td>{t(`audit.action.${entry.action}`)}</td>
      <td className="mono">{entry.productId}</td>
      <td className="mono audit-view__uid">
        {entry.uid ?? ''}
        {entry.newUid !== null && (
          <>
            {entry.uid !== null && ' → '}
            {entry.newUid}
          </>
        )}
      </td>
      <td className="audit-view__reason">{entry.reason ?? ''}</td>
      <td className={`audit-view__outcome state--${outcomeTones[outcome]}`} data-outcome={outcome}>
        <span aria-hidden="true">{outcomeIcons[outcome]} </span>
        {t(`audit.outcome.${outcome}`)}
      </td>
      <td className="audit-view__error" title={detail ?? undefined}>
        {entry.errorCode !== null && <AuditCode code={entry.errorCode} />}
        {serverWords !== null && (
          <>
            {entry.errorCode !== null && ' '}
            <q>{serverWords}</q>
          </>
        )}
      </td>
    </tr>
  );
});

/** The outbox's notes in the error column (how an attempt ended without an error of its own). */
const auditNotes = ['ALREADY_APPLIED', 'ALREADY_DONE_ELSEWHERE', 'POSSIBLE_DUPLICATE', 'EDITED', 'DISCARDED'] as const;
type AuditNote = (typeof auditNotes)[number];

function isAuditNote(code: string): code is AuditNote {
  return (auditNotes as readonly string[]).includes(code);
}

/** The replayer's notes: the message beside them is the same note in English, not the server's words. */
const replayerNotes: readonly string[] = ['ALREADY_APPLIED', 'ALREADY_DONE_ELSEWHERE', 'POSSIBLE_DUPLICATE'];

/**
 * Whether the message is Venue Manager's own words, shown quoted as they are: with one of its
 * refusals (VM_…), or the last words kept with an edited or discarded action. Beside Wristdesk's
 * own codes (NETWORK, TIMEOUT, …) and notes it is English meant for the logs.
 */
function isServersWords({ errorCode, serverMessage }: Pick<AuditEntry, 'errorCode' | 'serverMessage'>): boolean {
  if (serverMessage === null) return false;
  if (errorCode === null || errorCode.startsWith('VM_')) return true;
  if (replayerNotes.includes(errorCode)) return false;
  // An edit or discard keeps the last words it was decided on; without any, just its own name.
  return (errorCode === 'EDITED' || errorCode === 'DISCARDED') && serverMessage !== errorCode.toLowerCase();
}

/**
 * The error column's code in the desk's language: one of the outbox's notes, or an error code's
 * explanation; a code this version does not know stays as it is. The code itself stays in the
 * tooltip (and in the CSV) for support.
 */
function AuditCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const known = ErrorCode.safeParse(code);
  if (isAuditNote(code)) {
    return (
      <span data-testid="audit-code" data-code={code} title={code}>
        {t(`audit.note.${code}`)}
      </span>
    );
  }
  if (known.success) {
    return (
      <span data-testid="audit-code" data-code={code} title={code}>
        {errorText({ code: known.data })}
      </span>
    );
  }
  return (
    <code data-testid="audit-code" data-code={code}>
      {code}
    </code>
  );
}
