import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';

/** Says plainly that admin settings are open, and closes them with one click. */
export function AdminLockBar() {
  const { t } = useTranslation();
  const lockAdmin = useAppStore((state) => state.lockAdmin);
  return (
    <div className="admin-lock-bar state--warn" data-testid="admin-unlocked">
      <span>
        <span aria-hidden="true">▲ </span>
        {t('admin.unlocked')}
      </span>
      <button type="button" className="button" data-testid="admin-lock" onClick={() => void lockAdmin()}>
        {t('admin.lock')}
      </button>
    </div>
  );
}
