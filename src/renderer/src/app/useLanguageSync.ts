import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { browserLanguages, resolveLanguage } from '../i18n/resolveLanguage';
import { selectLanguageSetting } from '../store/selectors';
import { useAppStore } from '../store/StoreProvider';

/** Shows the language the settings ask for, as soon as they change. */
export function useLanguageSync(): void {
  const { i18n } = useTranslation();
  const setting = useAppStore(selectLanguageSetting);

  useEffect(() => {
    const language = resolveLanguage(setting, browserLanguages());
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, setting]);
}
