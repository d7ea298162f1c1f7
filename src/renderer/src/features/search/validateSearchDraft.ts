import { SearchCriteria, searchCriteriaOrder } from '../../../../shared/search';
import type { SearchDraft, SearchField } from '../../store/slices/searchSlice';

export type SearchFieldProblem = 'streetWithoutNameOrCompany' | 'digitsOnly' | 'tooLong' | 'invalid';

export type SearchDraftValidation =
  | { ok: true; criteria: SearchCriteria }
  | { ok: false; noCriteria: boolean; fieldProblems: Partial<Record<SearchField, SearchFieldProblem>> };

const digitFields: ReadonlySet<SearchField> = new Set(['customerId', 'orderId', 'festiwebPersonId']);

/**
 * The filled fields as search criteria, checked with the shared schema so what is refused here
 * is exactly what the core would refuse. Empty (or blank) fields are left out, never sent as ''.
 */
export function validateSearchDraft(draft: SearchDraft): SearchDraftValidation {
  const filled: Partial<Record<SearchField, string>> = {};
  for (const field of searchCriteriaOrder) {
    const value = draft[field].trim();
    if (value !== '') filled[field] = value;
  }
  const parsed = SearchCriteria.safeParse(filled);
  if (parsed.success) return { ok: true, criteria: parsed.data };

  let noCriteria = false;
  const fieldProblems: Partial<Record<SearchField, SearchFieldProblem>> = {};
  for (const issue of parsed.error.issues) {
    const field = searchCriteriaOrder.find((criterion) => criterion === issue.path[0]);
    // The schema's only whole-form rule is "at least one criterion".
    if (field === undefined) noCriteria = true;
    else fieldProblems[field] ??= problemFor(field, issue.code);
  }
  return { ok: false, noCriteria, fieldProblems };
}

function problemFor(field: SearchField, issueCode: string): SearchFieldProblem {
  if (issueCode === 'too_big') return 'tooLong';
  if (digitFields.has(field)) return 'digitsOnly';
  if (field === 'street' && issueCode === 'custom') return 'streetWithoutNameOrCompany';
  return 'invalid';
}
