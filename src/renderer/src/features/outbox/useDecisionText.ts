import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItemView } from '../../../../shared/outbox';

/** An item id as a person can read it: the first block of the UUID. */
export function shortItemId(id: string): string {
  const head = id.split('-')[0] ?? id;
  return head.length >= 6 && head.length < id.length ? head : id.slice(0, 8);
}

/**
 * Why an item is where it is, in the desk's language, from the decision's code. The English
 * `decisionReason` is for logs and support, except for a discard, where it is the person's own
 * reason and is shown as they typed it. Null when nothing was decided yet.
 */
export function useDecisionText(): (item: Pick<OutboxItemView, 'decision' | 'decidedBy' | 'decisionReason'>) => string | null {
  const { t } = useTranslation();
  return useCallback(
    ({ decision, decidedBy, decisionReason }) => {
      if (decision === null) return null;
      const name = decidedBy === null || decidedBy === 'replayer' ? t('outbox.decisionSomeone') : decidedBy;
      switch (decision) {
        case 'retried':
        case 'edited':
        case 'shown-at-desk':
          return t(`outbox.decisionText.${decision}`, { name });
        case 'discarded':
          return decisionReason === null || decisionReason.trim() === ''
            ? t('outbox.discardedWithoutReason', { name })
            : t('outbox.decisionText.discarded', { name, reason: decisionReason });
        default:
          return t(`outbox.decisionText.${decision}`);
      }
    },
    [t],
  );
}
