import { useTranslation } from 'react-i18next';
import type { ProductEventView } from '../../../../shared/model';
import { sortHistoryNewestFirst } from './sortHistory';

export function ProductHistory({ events }: { events: readonly ProductEventView[] }) {
  const { t } = useTranslation();
  const sorted = sortHistoryNewestFirst(events);
  return (
    <section className="history">
      <h2 className="section-heading">{t('match.history.heading')}</h2>
      {sorted.length === 0 ? (
        <p className="details__missing">{t('match.history.empty')}</p>
      ) : (
        <table className="history__table">
          <thead>
            <tr>
              <th scope="col">{t('match.history.time')}</th>
              <th scope="col">{t('match.history.type')}</th>
              <th scope="col">{t('match.history.description')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((event, index) => (
              <tr key={index} data-testid="history-event">
                <td className="history__time">{event.time ?? t('match.history.noTime')}</td>
                <td>{event.type ?? t('match.missing')}</td>
                <td>{event.description ?? t('match.missing')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
