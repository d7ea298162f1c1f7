import { useEffect } from 'react';
import { selectTheme } from '../store/selectors';
import { useAppStore } from '../store/StoreProvider';

/** The stylesheet keys its colours off `<html data-theme>`. */
export function useThemeSync(): void {
  const theme = useAppStore(selectTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
