import { useTranslation } from 'react-i18next';
import { DetailRow } from './DetailRow';

/** Venue times are wall-clock strings from the server and are shown exactly as given. */
export function OrderDetails({ orderId, authorizedAt }: { orderId: number; authorizedAt: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="order">
      <h2 className="section-heading">{t('match.order.heading')}</h2>
      <dl className="details">
        <DetailRow label={t('match.order.id')} value={String(orderId)} />
        <DetailRow label={t('match.order.authorizedAt')} value={authorizedAt} />
      </dl>
    </section>
  );
}
