import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';

/**
 * The product's picture, which helps tell a day band from a weekend band at a glance. It comes
 * from the core as a data URL (the page may load no remote image); while it loads, or when it
 * cannot be had, the space stays and says so quietly — the product details never wait for it.
 */
export function ProductImage({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.productImages[url]);
  const load = useAppStore((s) => s.loadProductImage);
  useEffect(() => load(url), [load, url]);

  if (state?.kind === 'ready') {
    return <img className="product__image" src={state.dataUrl} alt={t('match.product.imageOf', { name })} data-testid="product-image" />;
  }
  return (
    <span className="product__image product__image--empty" data-testid="product-image-missing" data-state={state?.kind ?? 'loading'}>
      {state?.kind === 'failed' ? t('match.product.imageUnavailable') : ''}
    </span>
  );
}
