import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueuedAction } from '../../../../shared/outbox';
import { shortUid } from '../actions/shortUid';

/** "Block wristband 04A2…C1 on product no. 5551": what a queued action does, in one line. */
export function useDescribeAction(): (action: QueuedAction) => string {
  const { t } = useTranslation();
  return useCallback(
    (action) => {
      const productId = action.productId;
      switch (action.kind) {
        case 'block':
          return t('outbox.what.block', { uid: shortUid(action.uid), productId });
        case 'add':
          return t('outbox.what.add', { uid: shortUid(action.uid), productId });
        case 'replace':
          return t('outbox.what.replace', { uid: shortUid(action.uid), newUid: shortUid(action.newUid), productId });
        case 'comment':
          return t('outbox.what.comment', { productId });
      }
    },
    [t],
  );
}

/** The full UIDs an action names, for a tooltip next to the shortened ones. */
export function fullUids(action: QueuedAction): string | undefined {
  switch (action.kind) {
    case 'block':
    case 'add':
      return action.uid;
    case 'replace':
      return `${action.uid} → ${action.newUid}`;
    case 'comment':
      return undefined;
  }
}
