import { useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n } from '../i18n/createI18n';
import { browserLanguages, resolveLanguage } from '../i18n/resolveLanguage';

/** Browser mode opened without the access key: say where the right address comes from. */
export function NoKeyScreen() {
  const [i18n] = useState(() => createI18n(resolveLanguage('auto', browserLanguages())));
  return (
    <I18nextProvider i18n={i18n}>
      <NoKeyMessage />
    </I18nextProvider>
  );
}

function NoKeyMessage() {
  const { t } = useTranslation();
  return (
    <main className="no-key" data-testid="no-key-screen">
      <h1>{t('noKey.title')}</h1>
      <p className="no-key__instruction">{t('noKey.instruction')}</p>
      <p>{t('noKey.hint')}</p>
    </main>
  );
}
