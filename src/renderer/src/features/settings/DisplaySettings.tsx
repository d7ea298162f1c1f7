import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../../shared/errors';
import { Settings, languages } from '../../../../shared/settings';
import { browserLanguages, resolveLanguage } from '../../i18n/resolveLanguage';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';

/** Language and theme: personal and harmless, so they apply and are stored the moment they change. */
export function DisplaySettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const applyDisplaySetting = useAppStore((state) => state.applyDisplaySetting);
  const [error, setError] = useState<WireError | null>(null);
  const autoLanguage = resolveLanguage('auto', browserLanguages());

  const apply = (patch: Parameters<typeof applyDisplaySetting>[0]) => {
    setError(null);
    applyDisplaySetting(patch).catch((failure: unknown) => setError(toAppError(failure).toWire()));
  };

  return (
    <section className="settings__section" aria-labelledby="settings-display">
      <h2 id="settings-display" className="section-heading">
        {t('settings.display.title')}
      </h2>
      <p className="field__hint">{t('settings.display.hint')}</p>
      <div className="settings__grid">
        <label className="field">
          <span className="field__label">{t('settings.language')}</span>
          <select
            data-testid="settings-language"
            value={settings.language}
            onChange={(event) => {
              const language = Settings.shape.language.safeParse(event.target.value);
              if (language.success) apply({ language: language.data });
            }}
          >
            <option value="auto">
              {t('settings.languageOption.auto', { language: t(`settings.languageOption.${autoLanguage}`) })}
            </option>
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`settings.languageOption.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('settings.theme')}</span>
          <select
            data-testid="settings-theme"
            value={settings.theme}
            onChange={(event) => {
              const theme = Settings.shape.theme.safeParse(event.target.value);
              if (theme.success) apply({ theme: theme.data });
            }}
          >
            <option value="dark">{t('settings.themeOption.dark')}</option>
            <option value="light">{t('settings.themeOption.light')}</option>
          </select>
        </label>
      </div>
      {error !== null && (
        <StateMessage tone="bad">{errorText(error)}</StateMessage>
      )}
    </section>
  );
}
