import type { ActionKind } from '../../../../shared/actions';
import type { AuditEntry, AuditFilter } from '../../../../shared/audit';
import type { Result } from '../../../../shared/contract';
import type { WireError } from '../../../../shared/errors';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

/** Entries fetched per page; a full page means there may be older ones. */
export const auditPageSize = 100;

/** The audit filter as typed ('' = not used); dates are the inputs' `YYYY-MM-DD`. */
export interface AuditDraft {
  operator: string;
  action: ActionKind | '';
  outcome: NonNullable<AuditFilter['outcome']> | '';
  text: string;
  from: string;
  to: string;
}

export const emptyAuditDraft: AuditDraft = { operator: '', action: '', outcome: '', text: '', from: '', to: '' };

export type AuditList =
  | { phase: 'idle' }
  | { phase: 'loading'; filter: AuditFilter }
  | { phase: 'loaded'; filter: AuditFilter; entries: AuditEntry[]; hasOlder: boolean; loadingOlder: boolean; olderError: WireError | null }
  | { phase: 'failed'; filter: AuditFilter; error: WireError };

export interface AuditSlice {
  /** Kept in the store so a tap elsewhere does not lose what was typed. */
  auditDraft: AuditDraft;
  auditList: AuditList;
  editAuditDraft: <Field extends keyof AuditDraft>(field: Field, value: AuditDraft[Field]) => void;
  clearAuditDraft: () => void;
  /** The newest page for `filter`; an answer to an older request is dropped. */
  loadAudit: (filter: AuditFilter) => Promise<void>;
  /** The next page back (by `beforeId`), with the filter shown. */
  loadOlderAudit: () => Promise<void>;
  /** Rejects with an AppError. */
  exportAuditCsv: (filter: AuditFilter) => Promise<Result<'audit.exportCsv'>>;
}

export const createAuditSlice: SliceCreator<AuditSlice> =
  ({ api }) =>
  (set, get) => {
    let latest = 0;
    return {
      auditDraft: emptyAuditDraft,
      auditList: { phase: 'idle' },
      editAuditDraft: (field, value) => set((state) => ({ auditDraft: { ...state.auditDraft, [field]: value } })),
      clearAuditDraft: () => set({ auditDraft: emptyAuditDraft }),
      loadAudit: async (filter) => {
        latest += 1;
        const request = latest;
        set({ auditList: { phase: 'loading', filter } });
        try {
          const { entries } = await api.invoke('audit.list', { filter, limit: auditPageSize });
          if (request !== latest) return;
          set({
            auditList: { phase: 'loaded', filter, entries, hasOlder: entries.length >= auditPageSize, loadingOlder: false, olderError: null },
          });
        } catch (error) {
          if (request === latest) set({ auditList: { phase: 'failed', filter, error: toAppError(error).toWire() } });
        }
      },
      loadOlderAudit: async () => {
        const list = get().auditList;
        const oldest = list.phase === 'loaded' ? list.entries.at(-1) : undefined;
        if (list.phase !== 'loaded' || list.loadingOlder || oldest === undefined) return;
        const request = latest;
        set({ auditList: { ...list, loadingOlder: true, olderError: null } });
        const still = () => {
          const now = get().auditList;
          return request === latest && now.phase === 'loaded' ? now : null;
        };
        try {
          const { entries } = await api.invoke('audit.list', { filter: list.filter, limit: auditPageSize, beforeId: oldest.id });
          const now = still();
          if (now === null) return;
          const known = new Set(now.entries.map((entry) => entry.id));
          set({
            auditList: {
              ...now,
              entries: [...now.entries, ...entries.filter((entry) => !known.has(entry.id))],
              hasOlder: entries.length >= auditPageSize,
              loadingOlder: false,
            },
          });
        } catch (error) {
          const now = still();
          if (now !== null) set({ auditList: { ...now, loadingOlder: false, olderError: toAppError(error).toWire() } });
        }
      },
      exportAuditCsv: async (filter) => {
        try {
          return await api.invoke('audit.exportCsv', { filter });
        } catch (error) {
          throw toAppError(error);
        }
      },
    };
  };
