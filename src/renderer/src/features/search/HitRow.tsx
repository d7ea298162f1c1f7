import { useTranslation } from 'react-i18next';
import type { OwnerMatch } from '../../../../shared/model';
import { tokenState } from '../owner-match/tokenState';

/**
 * One search hit on a fixed-height row (the list positions rows by index, see HitList): the
 * owner's name largest, then who and where, then the product, its state and its wristbands.
 */
export function HitRow({ hit }: { hit: OwnerMatch }) {
  const { t } = useTranslation();
  const { address, product } = hit;
  const place = [address.zipCode, address.city].filter(Boolean).join(' ');
  const who = [address.company, address.email, place].filter((part) => part !== null && part !== '');
  const activeUids = product.tokens.filter((token) => tokenState(token) === 'active').map((token) => token.uid);

  return (
    <>
      <div className="hit__owner">
        <span className="hit__name">{address.name ?? address.company ?? t('match.owner.noName')}</span>
        <span className="hit__who">{who.length === 0 ? t('match.missing') : who.join(' · ')}</span>
        <span className="hit__order">{t('search.hit.order', { orderId: hit.orderId })}</span>
      </div>
      <div className="hit__product">
        <span className="hit__product-line">
          <span className="hit__product-name">{product.name ?? t('match.product.unnamed')}</span>
          <span className={`hit__validity ${product.valid ? 'state--good' : 'state--bad'}`} data-valid={product.valid}>
            <span aria-hidden="true">{product.valid ? '✔ ' : '✖ '}</span>
            {product.valid ? t('match.product.valid') : t('match.product.invalidated')}
          </span>
        </span>
        <span className="hit__detail">
          {t('match.product.barcode')} <code>{product.barcode ?? t('match.missing')}</code>
        </span>
        <span className={`hit__detail ${activeUids.length === 0 ? 'details__missing' : ''}`}>
          {activeUids.length === 0
            ? t('search.hit.noActiveTokens')
            : t('search.hit.activeTokens', { uids: activeUids.join(', ') })}
        </span>
      </div>
    </>
  );
}
