import type { OutboxEditRequest, QueuedAction } from '../../../../shared/outbox';

/** The Edit form as typed; only the fields the action's kind has are shown. */
export interface EditDraft {
  uid: string;
  newUid: string;
  reason: string;
  comment: string;
}

export type EditField = keyof EditDraft;

/** Block and Add: another wristband and the reason; Replace: the new band and the reason; Comment: the text. */
export function editableFields(action: QueuedAction): EditField[] {
  switch (action.kind) {
    case 'block':
    case 'add':
      return ['uid', 'reason'];
    case 'replace':
      return ['newUid', 'reason'];
    case 'comment':
      return ['comment'];
  }
}

export function draftFor(action: QueuedAction): EditDraft {
  switch (action.kind) {
    case 'block':
    case 'add':
      return { uid: action.uid, newUid: '', reason: action.reason, comment: '' };
    case 'replace':
      return { uid: action.uid, newUid: action.newUid, reason: action.reason, comment: '' };
    case 'comment':
      return { uid: '', newUid: '', reason: '', comment: action.comment };
  }
}

export type EditCheck =
  | { ok: true; request: OutboxEditRequest }
  | { ok: false; problem: 'unchanged' }
  | { ok: false; problem: 'empty'; fields: EditField[] };

/** The edit to send: only the fields that changed (trimmed); none may be emptied, and something must change. */
export function checkEdit(id: string, action: QueuedAction, draft: EditDraft): EditCheck {
  const original = draftFor(action);
  const fields = editableFields(action);
  const empty = fields.filter((field) => draft[field].trim() === '');
  if (empty.length > 0) return { ok: false, problem: 'empty', fields: empty };
  const changed = fields.filter((field) => draft[field].trim() !== original[field].trim());
  if (changed.length === 0) return { ok: false, problem: 'unchanged' };
  const request: OutboxEditRequest = { id };
  for (const field of changed) request[field] = draft[field].trim();
  return { ok: true, request };
}
