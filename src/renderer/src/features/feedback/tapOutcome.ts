import type { IdentifyState } from '../../store/slices/identifySlice';

export type TapOutcome = 'found' | 'not-found' | 'error';

/** How the latest tap ended, or null while there is no answer yet. */
export function tapOutcome(identify: IdentifyState): TapOutcome | null {
  switch (identify.phase) {
    case 'answered':
      return identify.result.kind === 'found' ? 'found' : 'not-found';
    case 'failed':
    case 'unreadable':
      return 'error';
    case 'idle':
    case 'loading':
      return null;
  }
}
