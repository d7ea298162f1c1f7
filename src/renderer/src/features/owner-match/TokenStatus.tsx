import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/model';
import type { OptimisticToken } from '../../../../shared/optimisticProduct';
import { tokenState, type TokenState } from './tokenState';

const icons: Record<TokenState, string> = { active: '✔', blocked: '✖', inactive: '○' };
const tone: Record<TokenState, string> = { active: 'state--good', blocked: 'state--bad', inactive: 'state--neutral' };

export function TokenStatus({
  token,
  label,
  testId,
  compact = false,
}: {
  token: TokenView | OptimisticToken;
  label: string;
  testId: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const state = tokenState(token);
  const pending = 'pendingChange' in token ? token.pendingChange : null;
  const text =
    pending === 'block'
      ? t('match.token.blockQueued')
      : pending === 'add'
        ? t('match.token.addQueued')
        : state === 'blocked'
      ? t('match.token.blockedSince', { time: token.blockedAt })
      : state === 'active'
        ? token.insertedAt === null
          ? t('match.token.active')
          : t('match.token.activeSince', { time: token.insertedAt })
        : t('match.token.inactive');

  const status = (
    <>
      <span className="state-line__icon" aria-hidden="true">
        {icons[state]}
      </span>
      {text}
    </>
  );

  // Compact rows (other tokens) read "UID: state" on one line; the tapped token gets a caption
  // above a large state line, so the state itself never wraps under its label.
  return compact ? (
    <p className={`state-line state-line--compact ${tone[state]}`} data-testid={testId} data-state={state} data-pending={pending ?? undefined}>
      <span className="state-line__label">{label}:</span>
      {status}
    </p>
  ) : (
    <div className="token-status" data-testid={testId} data-state={state} data-pending={pending ?? undefined}>
      <span className="state-caption">{label}</span>
      <p className={`state-line ${tone[state]}`}>{status}</p>
    </div>
  );
}
