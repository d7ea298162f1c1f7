import { useTranslation } from 'react-i18next';
import { secretNames, type SettingsView } from '../../../../shared/settings';
import { SecretRow } from './SecretRow';

/** Credentials are never shown, only whether each is set; how to change them depends on the store. */
export function SecretsSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { secretStore } = view;
  return (
    <section className="settings__section" aria-labelledby="settings-secrets" data-testid="settings-secrets">
      <h2 id="settings-secrets" className="section-heading">
        {t('settings.secrets.title')}
      </h2>
      {secretStore.warning === 'no-keyring' && (
        <div className="banner banner--warn" role="alert" data-testid="secrets-no-keyring">
          <span className="banner__icon" aria-hidden="true">
            ▲
          </span>
          <p>{t('settings.secrets.noKeyring')}</p>
        </div>
      )}
      <ul className="secrets">
        {secretNames.map((name) => (
          <li key={name}>
            <SecretRow
              name={name}
              isSet={view.secrets[name].set}
              unreadable={view.secrets[name].unreadable === true}
              expiresAt={view.secrets[name].expiresAt}
              writable={secretStore.writable}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
