import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerMatch } from '../../../../shared/model';
import type { TickowebLink } from '../../../../shared/tickoweb';
import { useErrorText } from '../../i18n/useErrorText';
import { ownerKeysId, tickowebHasOrders } from '../../store/slices/tickowebSlice';
import { useAppStore } from '../../store/StoreProvider';
import { StateMessage } from '../../ui/StateMessage';
import { hasOwnerKeys, ownerKeys } from './ownerKeys';

const reasonKeys = {
  email: 'tickoweb.links.reason.email',
  'name+phone': 'tickoweb.links.reason.namePhone',
  'name+barcode': 'tickoweb.links.reason.nameBarcode',
  barcode: 'tickoweb.links.reason.barcode',
} as const satisfies Record<TickowebLink['reason'], string>;

/**
 * The wristband owner's Tickoweb orders, found in the desk's mirror by the same e-mail, else the
 * same name with the same phone or barcode, else the same barcode — each with the reason in words.
 * Shown only while the mirror holds orders; asked once per product and owner.
 */
export function TickowebLinks({ match }: { match: OwnerMatch }) {
  const hasOrders = useAppStore((state) => tickowebHasOrders(state.tickowebSummary));
  const keys = useMemo(() => ownerKeys(match), [match]);
  if (!hasOrders || !hasOwnerKeys(keys)) return null;
  return <LinksBlock productId={match.product.id} keysId={ownerKeysId(keys)} keys={keys} />;
}

function LinksBlock({ productId, keysId, keys }: { productId: number; keysId: string; keys: ReturnType<typeof ownerKeys> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const entry = useAppStore((state) => state.tickowebLinks[productId]);
  const load = useAppStore((state) => state.loadTickowebLinks);
  const open = useAppStore((state) => state.openTickowebOrder);
  const missing = entry === undefined || entry.key !== keysId;

  useEffect(() => {
    if (missing) void load(productId, keys);
  }, [missing, load, productId, keys]);

  return (
    <section className="tickoweb-links" aria-labelledby={`tickoweb-links-${String(productId)}`} data-testid="tickoweb-links">
      <h2 id={`tickoweb-links-${String(productId)}`} className="section-heading">
        {t('tickoweb.links.title')}
      </h2>
      {(missing || entry.phase === 'loading') && <p className="field__hint">{t('tickoweb.links.loading')}</p>}
      {!missing && entry.phase === 'failed' && (
        <div className="tickoweb-links__failed" data-testid="tickoweb-links-error">
          <StateMessage tone="bad">{errorText(entry.error)}</StateMessage>
          <button type="button" className="button" onClick={() => void load(productId, keys, true)}>
            {t('tickoweb.links.retry')}
          </button>
        </div>
      )}
      {!missing && entry.phase === 'loaded' && entry.links.length === 0 && (
        <p className="details__missing" data-testid="tickoweb-links-none">
          {t('tickoweb.links.none')}
        </p>
      )}
      {!missing && entry.phase === 'loaded' && entry.links.length > 0 && (
        <ul className="tickoweb-links__list">
          {entry.links.map((link) => (
            <li key={link.orderPath}>
              <button
                type="button"
                className="tickoweb-link"
                data-testid="tickoweb-link"
                data-order-path={link.orderPath}
                data-reason={link.reason}
                onClick={() => void open(link.orderPath)}
              >
                <span className="tickoweb-link__order">
                  {link.orderNumber === null ? t('tickoweb.search.noNumber') : t('tickoweb.search.order', { number: link.orderNumber })}
                </span>
                <span className="tickoweb-link__event">{link.eventName ?? t('tickoweb.search.noEvent')}</span>
                <span className="tickoweb-link__status">{link.status ?? t('tickoweb.search.noStatus')}</span>
                <span className="tickoweb-link__reason" data-testid="tickoweb-link-reason">
                  <span aria-hidden="true">⇄ </span>
                  {t(reasonKeys[link.reason])}
                  {link.matched.length > 0 && <span className="tickoweb-link__matched"> ({link.matched.join(', ')})</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
