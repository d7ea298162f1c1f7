import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { shortUid } from './shortUid';

/**
 * "Done: …" (or "Queued: …", when Venue Manager could not be reached and the outbox will send it)
 * for the last action on this product; stays until the next tap or action (DESIGN §6).
 */
export function ActionResultLine({ productId }: { productId: number }) {
  const { t } = useTranslation();
  const result = useAppStore((state) => state.actionResult);
  if (result?.productId !== productId) return null;

  const name = result.ownerName ?? t('match.owner.noName');
  const uid = shortUid((result.kind === 'add' ? result.newUid : result.uid) ?? '');
  const newUid = shortUid(result.newUid ?? '');
  return (
    <p
      className={`state-line action-result ${result.queued ? 'state--pending' : 'state--good'}`}
      role="status"
      data-testid="action-result"
      data-kind={result.kind}
      data-queued={result.queued}
    >
      <span className="state-line__icon" aria-hidden="true">
        {result.queued ? '◷' : '✔'}
      </span>
      {t(result.queued ? `actions.queued.${result.kind}` : `actions.result.${result.kind}`, { uid, name, newUid })}
    </p>
  );
}
