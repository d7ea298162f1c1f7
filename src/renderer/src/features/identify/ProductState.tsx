import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/model';
import { DetailRow } from './DetailRow';
import { TokenStatus } from './TokenStatus';
import { splitTokens } from './tokenOrder';

/** The product and whether it (and the tapped wristband) can be used: the second-largest thing on screen. */
export function ProductState({ product, tappedUid }: { product: ProductView; tappedUid: string }) {
  const { t } = useTranslation();
  const { tapped, others } = splitTokens(product.tokens, tappedUid);

  return (
    <section className="product">
      <h2 className="product__name">
        {product.name ?? t('identify.product.unnamed')}
        {product.alias !== null && <span className="product__alias">{product.alias}</span>}
      </h2>
      <p
        className={`state-line ${product.valid ? 'state--good' : 'state--bad'}`}
        data-testid="product-validity"
        data-valid={product.valid}
      >
        <span className="state-line__icon" aria-hidden="true">
          {product.valid ? '✔' : '✖'}
        </span>
        {product.valid
          ? t('identify.product.valid')
          : product.invalidatedAt === null
            ? t('identify.product.invalidated')
            : t('identify.product.invalidatedSince', { time: product.invalidatedAt })}
      </p>
      {tapped === null ? (
        <p className="state-line state--warn">
          <span className="state-line__icon" aria-hidden="true">
            ?
          </span>
          {t('identify.token.tappedNotListed')}
        </p>
      ) : (
        <TokenStatus token={tapped} label={t('identify.token.thisWristband')} testId="token-status" />
      )}
      <h3 className="section-heading">{t('identify.token.otherTokens')}</h3>
      {others.length === 0 ? (
        <p className="details__missing">{t('identify.token.noOtherTokens')}</p>
      ) : (
        <ul className="tokens">
          {others.map((token) => (
            <li key={token.uid}>
              <TokenStatus token={token} label={token.uid} testId="token-other" compact />
            </li>
          ))}
        </ul>
      )}
      <dl className="details">
        <DetailRow label={t('identify.product.barcode')} value={product.barcode} />
        <DetailRow label={t('identify.product.id')} value={String(product.id)} />
      </dl>
    </section>
  );
}
