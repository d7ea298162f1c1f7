import { useTranslation } from 'react-i18next';
import type { OwnerMatch } from '../../../../shared/model';
import { MatchCard } from '../owner-match/MatchCard';

export function MatchList({ matches, tappedUid }: { matches: readonly OwnerMatch[]; tappedUid: string }) {
  const { t } = useTranslation();
  return (
    <div className="matches">
      {matches.length > 1 && (
        <p className="matches__several state--warn" role="note">
          <span aria-hidden="true">▲ </span>
          {t('identify.severalMatches', { count: matches.length })}
        </p>
      )}
      <ol className="matches__list">
        {matches.map((match, index) => (
          <li key={`${String(index)}-${String(match.product.id)}`}>
            <MatchCard match={match} tappedUid={tappedUid} primary={index === 0} />
          </li>
        ))}
      </ol>
    </div>
  );
}
