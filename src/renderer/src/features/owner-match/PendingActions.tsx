import { useTranslation } from 'react-i18next';
import type { PendingMark } from '../../../../shared/outbox';
import { hashForView } from '../../routing/viewHash';
import { shortUid } from '../actions/shortUid';

/**
 * This desk's actions on the product that Venue Manager has not confirmed yet, and those waiting
 * for a person (conflict, failed) with the way to the Outbox: nobody takes a queued block for done.
 */
export function PendingActions({ marks: all }: { marks: readonly PendingMark[] }) {
  const { t } = useTranslation();
  // 'done' marks only correct an older cached copy: nothing waits for them.
  const marks = all.filter((mark) => mark.state !== 'done');
  if (marks.length === 0) return null;
  return (
    <section className="pending-actions" aria-label={t('match.pending.heading')} data-testid="pending-actions">
      <h3 className="section-heading">{t('match.pending.heading')}</h3>
      <ul className="pending-actions__list">
        {marks.map((mark) => {
          const { action } = mark;
          const uid = action.kind === 'comment' ? '' : shortUid(action.uid);
          const newUid = action.kind === 'replace' ? shortUid(action.newUid) : '';
          const text = action.kind === 'comment' ? action.comment : action.reason;
          const { state } = mark;
          if (state === 'done') return null;
          const waitsForPerson = state === 'conflict' || state === 'failed';
          return (
            <li
              key={mark.id}
              className={`pending-actions__item ${waitsForPerson ? 'state--bad' : 'state--pending'}`}
              data-testid="pending-action"
              data-state={state}
              data-kind={action.kind}
            >
              <span className="pending-actions__what">{t(`match.pending.kind.${action.kind}`, { uid, newUid })}</span>
              <span className="pending-actions__text">“{text}”</span>
              <span className="pending-actions__state">{t(`match.pending.state.${state}`)}</span>
              {waitsForPerson && (
                <a href={hashForView('outbox')} className="pending-actions__link">
                  {t('match.pending.openOutbox')}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
