import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { WristdeskApi } from '../../../shared/contract';
import { createI18n } from '../i18n/createI18n';
import { browserLanguages, resolveLanguage } from '../i18n/resolveLanguage';
import { createAppStore } from '../store/createAppStore';
import { startCore } from '../store/startCore';
import { StoreProvider } from '../store/StoreProvider';
import type { CoreConnection } from '../transport/coreConnection';
import { AppShell } from './AppShell';

export interface AppRootProps {
  api: WristdeskApi;
  connection: CoreConnection;
}

/** Everything the app needs, created once per mount: a store bound to `api` and an i18n instance. */
export function AppRoot({ api, connection }: AppRootProps) {
  const [store] = useState(() => createAppStore({ api }));
  // Until settings arrive, "auto" is the best guess; useLanguageSync takes over from there.
  const [i18n] = useState(() => createI18n(resolveLanguage('auto', browserLanguages())));

  useEffect(() => startCore(store, api, connection), [store, api, connection]);

  return (
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <AppShell />
      </StoreProvider>
    </I18nextProvider>
  );
}
