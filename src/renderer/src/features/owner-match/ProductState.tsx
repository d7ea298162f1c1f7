import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/model';
import type { OptimisticProduct, OptimisticToken } from '../../../../shared/optimisticProduct';
import { DetailRow } from './DetailRow';
import { ProductImage } from './ProductImage';
import { TokenStatus } from './TokenStatus';
import { splitTokens } from './tokenOrder';

/**
 * The product and whether it can be used: the second-largest thing on screen. After a tap the
 * tapped wristband comes first and large; without a tap (opened from Search) all wristbands
 * are listed alike.
 */
export function ProductState({ product, tappedUid }: { product: ProductView | OptimisticProduct; tappedUid: string | null }) {
  const { t } = useTranslation();

  return (
    <section className="product">
      <div className="product__header">
        <h2 className="product__name">
          {product.name ?? t('match.product.unnamed')}
          {product.alias !== null && <span className="product__alias">{product.alias}</span>}
        </h2>
        {product.imageUrl !== null && <ProductImage url={product.imageUrl} name={product.name ?? t('match.product.unnamed')} />}
      </div>
      <p
        className={`state-line ${product.valid ? 'state--good' : 'state--bad'}`}
        data-testid="product-validity"
        data-valid={product.valid}
      >
        <span className="state-line__icon" aria-hidden="true">
          {product.valid ? '✔' : '✖'}
        </span>
        {product.valid
          ? t('match.product.valid')
          : product.invalidatedAt === null
            ? t('match.product.invalidated')
            : t('match.product.invalidatedSince', { time: product.invalidatedAt })}
      </p>
      {tappedUid === null ? (
        <TokenList heading={t('match.token.allTokens')} empty={t('match.token.noTokens')} tokens={product.tokens} testId="product-token" />
      ) : (
        <TappedAndOtherTokens tokens={product.tokens} tappedUid={tappedUid} />
      )}
      <dl className="details">
        <DetailRow label={t('match.product.barcode')} value={product.barcode} />
        <DetailRow label={t('match.product.id')} value={String(product.id)} />
      </dl>
    </section>
  );
}

function TappedAndOtherTokens({ tokens, tappedUid }: { tokens: readonly (ProductView['tokens'][number] | OptimisticToken)[]; tappedUid: string }) {
  const { t } = useTranslation();
  const { tapped, others } = splitTokens(tokens, tappedUid);
  return (
    <>
      {tapped === null ? (
        <p className="state-line state--warn">
          <span className="state-line__icon" aria-hidden="true">
            ?
          </span>
          {t('match.token.tappedNotListed')}
        </p>
      ) : (
        <TokenStatus token={tapped} label={t('match.token.thisWristband')} testId="token-status" />
      )}
      <TokenList heading={t('match.token.otherTokens')} empty={t('match.token.noOtherTokens')} tokens={others} testId="token-other" />
    </>
  );
}

function TokenList({
  heading,
  empty,
  tokens,
  testId,
}: {
  heading: string;
  empty: string;
  tokens: readonly (ProductView['tokens'][number] | OptimisticToken)[];
  testId: string;
}) {
  return (
    <>
      <h3 className="section-heading">{heading}</h3>
      {tokens.length === 0 ? (
        <p className="details__missing">{empty}</p>
      ) : (
        <ul className="tokens">
          {tokens.map((token) => (
            <li key={token.uid}>
              <TokenStatus token={token} label={token.uid} testId={testId} compact />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
