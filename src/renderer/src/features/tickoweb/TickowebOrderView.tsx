import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TickowebOrderView as OrderView } from '../../../../shared/tickoweb';
import { useErrorText } from '../../i18n/useErrorText';
import type { OpenedTickowebOrder } from '../../store/slices/tickowebSlice';
import { useAppStore } from '../../store/StoreProvider';
import { FailureState } from '../../ui/FailureState';
import { useVenueTime } from '../../ui/useVenueTime';
import { DetailRow } from '../owner-match/DetailRow';
import { prettyJson } from './prettyJson';
import { useQuarantineReason } from './useQuarantineReason';
import { useEscapeClosesOrder } from './useEscapeClosesOrder';

/**
 * One Tickoweb order from the desk's mirror, opened from a search hit or an Identify link and
 * shown in place of that view: event, channel, every customer field, status, products, scans,
 * and the files as received on demand. Escape or Back returns to where it was opened.
 */
export function TickowebOrderView({ opened }: { opened: OpenedTickowebOrder }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const close = useAppStore((state) => state.closeTickowebOrder);
  const reopen = useAppStore((state) => state.openTickowebOrder);
  const view = useRef<HTMLElement>(null);
  useEscapeClosesOrder();

  // Focus moves into the view so screen readers start here and Tab reaches its buttons first.
  useEffect(() => {
    view.current?.focus();
  }, []);

  return (
    <section
      ref={view}
      className="product-view tickoweb-order"
      data-testid="tickoweb-order"
      data-order-path={opened.orderPath}
      data-phase={opened.phase}
      aria-busy={opened.phase === 'loading'}
      aria-labelledby="tickoweb-order-title"
      tabIndex={-1}
    >
      <div className="product-view__header">
        <button type="button" className="button" data-testid="tickoweb-order-back" aria-keyshortcuts="Escape" onClick={close}>
          <span aria-hidden="true">← </span>
          {t('tickoweb.order.back')} <kbd>Esc</kbd>
        </button>
      </div>
      {opened.phase !== 'loaded' && (
        <h1 id="tickoweb-order-title" className="tickoweb-order__title">
          {t('tickoweb.order.title')}
        </h1>
      )}
      {opened.phase === 'loading' && <p className="identify__loading">{t('tickoweb.order.loading')}</p>}
      {opened.phase === 'failed' && (
        <FailureState
          className="product-view__error"
          testId="tickoweb-order-error"
          error={opened.error}
          title={t('tickoweb.order.errorTitle')}
          explanation={errorText(opened.error)}
        >
          <button type="button" className="button" onClick={() => void reopen(opened.orderPath)}>
            {t('tickoweb.order.retry')}
          </button>
        </FailureState>
      )}
      {opened.phase === 'loaded' && <OrderBody order={opened.order} />}
    </section>
  );
}

function OrderBody({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const venueTime = useVenueTime();
  const reasonWords = useQuarantineReason();
  const list = (values: readonly string[]) => (values.length === 0 ? null : values.join(', '));

  return (
    <>
      <div className="tickoweb-order__heading">
        <h1 id="tickoweb-order-title" className="tickoweb-order__title">
          {order.orderNumber === null ? t('tickoweb.order.titleNoNumber') : t('tickoweb.order.titleNumber', { number: order.orderNumber })}
        </h1>
        <span className="tickoweb-order__status" data-testid="tickoweb-order-status">
          {t('tickoweb.order.status')} <strong>{order.status ?? t('match.missing')}</strong>
        </span>
      </div>
      <p className="field__hint" data-testid="tickoweb-order-fetched">
        {t('tickoweb.order.fetched', {
          fetched: venueTime(order.fetchedAt),
          scans: venueTime(order.detailsRefreshedAt),
        })}
      </p>
      {order.quarantined.length > 0 && (
        <div className="tickoweb-order__quarantined state--warn" role="note" data-testid="tickoweb-order-quarantined">
          <p className="state-line state-line--compact">
            <span className="state-line__icon" aria-hidden="true">
              ▲
            </span>
            {t('tickoweb.order.quarantined', { count: order.quarantined.length })}
          </p>
          <ul className="tickoweb-order__quarantine-list">
            {order.quarantined.map((entry) => (
              <li key={`${entry.file}-${entry.reason}`}>
                <code>{entry.file}</code>: {reasonWords(entry.reason)} — {entry.detail}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="tickoweb-order__columns">
        <section aria-labelledby="tickoweb-order-customer">
          <h2 id="tickoweb-order-customer" className="section-heading">
            {t('tickoweb.order.customer')}
          </h2>
          <dl className="details">
            <DetailRow label={t('tickoweb.order.names')} value={list(order.names)} />
            <DetailRow label={t('tickoweb.order.emails')} value={list(order.emails)} />
            <DetailRow label={t('tickoweb.order.phones')} value={list(order.phones)} />
            <DetailRow label={t('tickoweb.order.barcodes')} value={list(order.barcodes)} />
          </dl>
          <h3 className="section-heading">{t('tickoweb.order.customerFields')}</h3>
          {order.customerFields.length === 0 ? (
            <p className="details__missing">{t('tickoweb.order.noCustomerFields')}</p>
          ) : (
            <dl className="details tickoweb-order__fields" data-testid="tickoweb-order-fields">
              {order.customerFields.map((field, index) => (
                <div key={`${field.path}-${String(index)}`} className="details__row">
                  <dt>{field.path}</dt>
                  <dd>{field.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <div>
          <section aria-labelledby="tickoweb-order-order">
            <h2 id="tickoweb-order-order" className="section-heading">
              {t('tickoweb.order.order')}
            </h2>
            <dl className="details">
              <DetailRow label={t('tickoweb.order.number')} value={order.orderNumber} />
              <DetailRow label={t('tickoweb.order.status')} value={order.status} />
              <DetailRow label={t('tickoweb.order.created')} value={order.createdAt} />
            </dl>
          </section>
          <section aria-labelledby="tickoweb-order-event" data-testid="tickoweb-order-event">
            <h2 id="tickoweb-order-event" className="section-heading">
              {t('tickoweb.order.event')}
            </h2>
            <dl className="details">
              <DetailRow label={t('tickoweb.order.eventName')} value={order.event?.name ?? null} />
              <DetailRow label={t('tickoweb.order.eventStarts')} value={order.event?.startsAt ?? null} />
              <DetailRow label={t('tickoweb.order.eventLocation')} value={order.event?.location ?? null} />
            </dl>
          </section>
          <section aria-labelledby="tickoweb-order-channel" data-testid="tickoweb-order-channel">
            <h2 id="tickoweb-order-channel" className="section-heading">
              {t('tickoweb.order.channel')}
            </h2>
            <dl className="details">
              <DetailRow label={t('tickoweb.order.channelName')} value={order.channel?.name ?? null} />
              <DetailRow label={t('tickoweb.order.channelType')} value={order.channel?.type ?? null} />
              <DetailRow label={t('tickoweb.order.channelUrl')} value={order.channel?.url ?? null} />
            </dl>
          </section>
        </div>
      </div>

      <section aria-labelledby="tickoweb-order-products">
        <h2 id="tickoweb-order-products" className="section-heading">
          {t('tickoweb.order.products')}
        </h2>
        {order.products.length === 0 ? (
          <p className="details__missing">{t('tickoweb.order.noProducts')}</p>
        ) : (
          <table className="history__table" data-testid="tickoweb-order-products">
            <thead>
              <tr>
                <th scope="col">{t('tickoweb.order.productName')}</th>
                <th scope="col">{t('tickoweb.order.quantity')}</th>
                <th scope="col">{t('tickoweb.order.price')}</th>
                <th scope="col">{t('tickoweb.order.barcode')}</th>
              </tr>
            </thead>
            <tbody>
              {order.products.map((product, index) => (
                <tr key={index} data-testid="tickoweb-order-product">
                  <td>{product.name ?? t('match.missing')}</td>
                  <td>{product.quantity === null ? t('match.missing') : String(product.quantity)}</td>
                  <td>{product.price ?? t('match.missing')}</td>
                  <td>{product.barcode === null ? t('match.missing') : <code>{product.barcode}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="tickoweb-order-scans">
        <h2 id="tickoweb-order-scans" className="section-heading">
          {t('tickoweb.order.scans')}
        </h2>
        {order.scans.length === 0 ? (
          <p className="details__missing" data-testid="tickoweb-order-no-scans">
            {t('tickoweb.order.noScans')}
          </p>
        ) : (
          <table className="history__table" data-testid="tickoweb-order-scans">
            <thead>
              <tr>
                <th scope="col">{t('tickoweb.order.scanAt')}</th>
                <th scope="col">{t('tickoweb.order.gate')}</th>
                <th scope="col">{t('tickoweb.order.barcode')}</th>
              </tr>
            </thead>
            <tbody>
              {order.scans.map((scan, index) => (
                <tr key={index} data-testid="tickoweb-order-scan">
                  <td className="history__time">{scan.at ?? t('match.history.noTime')}</td>
                  <td>{scan.gate ?? t('match.missing')}</td>
                  <td>{scan.barcode === null ? t('match.missing') : <code>{scan.barcode}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <RawFiles order={order} />
    </>
  );
}

/** The files as Tickoweb sent them, for whatever the mapping does not show (collapsed until asked for). */
function RawFiles({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const files = [
    { name: 'customer.json', raw: order.customerRaw },
    { name: 'details.json', raw: order.detailsRaw },
  ];
  return (
    <section className="tickoweb-order__raw">
      <button
        type="button"
        className="button"
        data-testid="tickoweb-order-raw-toggle"
        aria-expanded={open}
        aria-controls="tickoweb-order-raw"
        onClick={() => setOpen((shown) => !shown)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {open ? t('tickoweb.order.hideRaw') : t('tickoweb.order.showRaw')}
      </button>
      {open && (
        <div id="tickoweb-order-raw" className="tickoweb-order__raw-files" data-testid="tickoweb-order-raw">
          {files.map((file) => (
            <figure key={file.name} className="tickoweb-order__raw-file">
              <figcaption>
                <code>{file.name}</code>
              </figcaption>
              {file.raw === null ? (
                <p className="details__missing">{t('tickoweb.order.rawMissing')}</p>
              ) : (
                <pre data-testid={`tickoweb-order-raw-${file.name}`}>{prettyJson(file.raw)}</pre>
              )}
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
