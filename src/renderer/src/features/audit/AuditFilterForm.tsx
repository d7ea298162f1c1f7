import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { actionKinds } from '../../../../shared/actions';
import type { AuditFilter } from '../../../../shared/audit';
import type { AuditDraft } from '../../store/slices/auditSlice';
import { useAppStore } from '../../store/StoreProvider';
import { TextField } from '../../ui/TextField';
import { filterFromDraft } from './auditFilter';

export const auditOutcomes = ['open', 'done', 'failed', 'refused'] as const satisfies readonly NonNullable<AuditFilter['outcome']>[];

function isOneOf<Value extends string>(values: readonly Value[], value: string): value is Value {
  return (values as readonly string[]).includes(value);
}

/** Who, what, how it ended, any text, and a date range (days at the venue); Enter applies it. */
export function AuditFilterForm() {
  const { t } = useTranslation();
  const { draft, edit, clear, load, timeZone } = useAppStore(
    useShallow((state) => ({
      draft: state.auditDraft,
      edit: state.editAuditDraft,
      clear: state.clearAuditDraft,
      load: state.loadAudit,
      timeZone: state.settingsView?.settings.venueTimeZone,
    })),
  );
  const [dateOrder, setDateOrder] = useState(false);

  const apply = (next: AuditDraft) => {
    const check = filterFromDraft(next, timeZone);
    setDateOrder(!check.ok);
    if (check.ok) void load(check.filter);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(draft);
  };

  const onClear = () => {
    clear();
    setDateOrder(false);
    void load({});
  };

  return (
    <form className="audit-view__filters" data-testid="audit-filters" noValidate onSubmit={onSubmit} aria-label={t('audit.filter.label')}>
      <TextField id="audit-operator" label={t('audit.filter.operator')} value={draft.operator} testId="audit-filter-operator" onChange={(value) => edit('operator', value)} />
      <label className="field">
        <span className="field__label">{t('audit.filter.action')}</span>
        <select
          data-testid="audit-filter-action"
          value={draft.action}
          onChange={(event) => {
            const value = event.target.value;
            edit('action', isOneOf(actionKinds, value) ? value : '');
          }}
        >
          <option value="">{t('audit.filter.any')}</option>
          {actionKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`audit.action.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('audit.filter.outcome')}</span>
        <select
          data-testid="audit-filter-outcome"
          value={draft.outcome}
          onChange={(event) => {
            const value = event.target.value;
            edit('outcome', isOneOf(auditOutcomes, value) ? value : '');
          }}
        >
          <option value="">{t('audit.filter.any')}</option>
          {auditOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcome.${outcome}`)}
            </option>
          ))}
        </select>
      </label>
      <TextField
        id="audit-text"
        label={t('audit.filter.text')}
        hint={t('audit.filter.textHint')}
        value={draft.text}
        testId="audit-filter-text"
        onChange={(value) => edit('text', value)}
      />
      <TextField
        id="audit-from"
        type="date"
        label={t('audit.filter.from')}
        value={draft.from}
        testId="audit-filter-from"
        error={dateOrder ? t('audit.filter.dateOrder') : undefined}
        onChange={(value) => edit('from', value)}
      />
      <TextField id="audit-to" type="date" label={t('audit.filter.to')} value={draft.to} testId="audit-filter-to" onChange={(value) => edit('to', value)} />
      <div className="audit-view__filter-buttons">
        <button type="submit" className="button button--primary" data-testid="audit-filter-apply">
          {t('audit.filter.apply')}
        </button>
        <button type="button" className="button" data-testid="audit-filter-clear" onClick={onClear}>
          {t('audit.filter.clear')}
        </button>
      </div>
    </form>
  );
}
