import { useEffect } from 'react';
import { useAppStore } from '../../store/StoreProvider';

/** Leaving the admin screens locks them at once, rather than when the idle time runs out. */
export function useLockOnLeave(): void {
  const lockAdmin = useAppStore((state) => state.lockAdmin);
  useEffect(() => () => void lockAdmin(), [lockAdmin]);
}
