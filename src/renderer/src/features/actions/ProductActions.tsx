import { useTranslation } from 'react-i18next';
import type { OwnerMatch } from '../../../../shared/model';
import { useAppStore } from '../../store/StoreProvider';
import { actionAvailability } from './actionAvailability';
import { ActionResultLine } from './ActionResultLine';
import { shortUid } from './shortUid';

/**
 * The fixes that apply to this product, as plain buttons (keyboard reachable), and the result
 * of the last one done on it. Disabled, with the reason in words, while nobody is signed in.
 */
export function ProductActions({ match }: { match: OwnerMatch }) {
  const { t } = useTranslation();
  const signedIn = useAppStore((state) => state.operator !== null);
  const startAction = useAppStore((state) => state.startAction);
  const { blockUids, replaceUid, add, comment } = actionAvailability(match.product);
  const any = blockUids.length > 0 || replaceUid !== null || add || comment;

  return (
    <section className="product-actions" aria-label={t('actions.label')}>
      <ActionResultLine productId={match.product.id} />
      {any && (
        <div className="product-actions__buttons">
          {blockUids.map((uid) => (
            <button
              key={uid}
              type="button"
              className="button"
              data-testid="action-block"
              data-uid={uid}
              disabled={!signedIn}
              onClick={() => startAction('block', match, uid)}
            >
              <span aria-hidden="true">⊘ </span>
              {t('actions.block', { uid: shortUid(uid) })}
            </button>
          ))}
          {replaceUid !== null && (
            <button
              type="button"
              className="button"
              data-testid="action-replace"
              disabled={!signedIn}
              onClick={() => startAction('replace', match, replaceUid)}
            >
              <span aria-hidden="true">⇄ </span>
              {t('actions.replace')}
            </button>
          )}
          {add && (
            <button type="button" className="button" data-testid="action-add" disabled={!signedIn} onClick={() => startAction('add', match, null)}>
              <span aria-hidden="true">+ </span>
              {t('actions.add')}
            </button>
          )}
          {comment && (
            <button
              type="button"
              className="button"
              data-testid="action-comment"
              disabled={!signedIn}
              onClick={() => startAction('comment', match, null)}
            >
              <span aria-hidden="true">✎ </span>
              {t('actions.comment')}
            </button>
          )}
        </div>
      )}
      {any && !signedIn && (
        <p className="product-actions__hint state--warn" data-testid="actions-sign-in-first">
          <span aria-hidden="true">▲ </span>
          {t('actions.signInFirst')}
        </p>
      )}
    </section>
  );
}
