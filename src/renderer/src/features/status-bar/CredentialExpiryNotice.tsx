import { useTranslation } from 'react-i18next';
import { credentialExpiry } from '../../../../shared/credentials';
import { useAppStore } from '../../store/StoreProvider';
import { useNow } from '../../ui/useNow';
import { formatExpiry } from '../../ui/formatExpiry';

/**
 * Shown to everyone once the Venue Manager token is close to its stated expiry: the volunteer who
 * sees it fetches the admin days before the gate would start answering "credentials rejected".
 */
export function CredentialExpiryNotice() {
  const { t, i18n } = useTranslation();
  const expiresAt = useAppStore((state) => state.status?.credentialsExpireAt);
  const now = useNow(60_000);
  const state = credentialExpiry(expiresAt, now);
  if (expiresAt === undefined || state === 'ok') return null;
  const when = formatExpiry(expiresAt, now, i18n.language);
  return (
    <div
      className={`indicator ${state === 'expired' ? 'indicator--offline' : 'indicator--degraded'}`}
      data-testid="status-credential-expiry"
      data-state={state}
      role="status"
    >
      <span className="indicator__icon" aria-hidden="true">
        {state === 'expired' ? '✖' : '▲'}
      </span>
      <span className="indicator__word">
        {state === 'expired' ? t('status.credentials.expired', when) : t('status.credentials.expiresSoon', when)}
      </span>
    </div>
  );
}
