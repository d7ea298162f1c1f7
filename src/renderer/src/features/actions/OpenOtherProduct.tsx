import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { hashForView } from '../../routing/viewHash';
import type { PendingAction } from '../../store/slices/actionSlice';
import { useAppStore } from '../../store/StoreProvider';
import { shortUid } from './shortUid';

/** Refusals that name a wristband in use elsewhere: the volunteer's next question is "on what?". */
const activeElsewhere: readonly ErrorCode[] = ['VM_TOKEN_ACTIVE_ELSEWHERE', 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE'];

/**
 * "Open that product": drops the refused action and shows, on Identify, the product the new
 * wristband is active on — as if it had been tapped there.
 */
export function OpenOtherProduct({ pending }: { pending: PendingAction }) {
  const { t } = useTranslation();
  const cancelAction = useAppStore((state) => state.cancelAction);
  const lookupScan = useAppStore((state) => state.lookupScan);
  const uid = pending.newUid;
  if (uid === null || pending.error === null || !activeElsewhere.includes(pending.error.code)) return null;

  const open = () => {
    cancelAction();
    window.location.hash = hashForView('identify');
    void lookupScan({ readerId: 'desk', raw: uid, uid, at: Date.now() });
  };
  return (
    <button type="button" className="button" data-testid="action-open-other" onClick={open}>
      {t('actions.openOtherProduct', { uid: shortUid(uid) })}
    </button>
  );
}
