import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit';
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
      <td className="audit-view__error">
        {entry.errorCode !== null && <code>{entry.errorCode}</code>}
        {entry.serverMessage !== null && (
          <>
            {entry.errorCode !== null && ' '}
            <q>{entry.serverMessage}</q>
          </>
        )}
      </td>
    </tr>
  );
});
