import { useTranslation } from 'react-i18next';
import type { Address } from '../../../../shared/model';
import { DetailRow } from './DetailRow';

export function OwnerDetails({ address, customerId, primary }: { address: Address; customerId: number; primary: boolean }) {
  const { t } = useTranslation();
  const Heading = primary ? 'h1' : 'h2';
  const place = [address.zipCode, address.city].filter(Boolean).join(' ');
  const city = [place, address.countryCode].filter(Boolean).join(', ');

  return (
    <div className="owner">
      <Heading className="owner__name" data-testid={primary ? 'identify-owner-name' : undefined}>
        {address.name ?? address.company ?? t('match.owner.noName')}
      </Heading>
      <dl className="details owner__details">
        <DetailRow label={t('match.owner.company')} value={address.company} />
        <DetailRow label={t('match.owner.email')} value={address.email} />
        <DetailRow label={t('match.owner.phone')} value={address.phone} />
        <DetailRow label={t('match.owner.street')} value={address.street} />
        <DetailRow label={t('match.owner.city')} value={city === '' ? null : city} />
        <DetailRow label={t('match.owner.customerId')} value={String(customerId)} />
      </dl>
    </div>
  );
}
