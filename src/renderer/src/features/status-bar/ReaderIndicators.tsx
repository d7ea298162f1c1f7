import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { useReaderName } from '../readers/useReaderName';

export function ReaderIndicators() {
  const { t } = useTranslation();
  const readers = useAppStore((state) => state.status?.readers ?? null);
  const readerName = useReaderName();

  if (readers === null) return null;
  if (readers.length === 0) {
    return (
      <div className="indicator indicator--offline" data-testid="status-no-reader">
        <span className="indicator__icon" aria-hidden="true">
          ✖
        </span>
        <strong>{t('status.noReaders')}</strong>
      </div>
    );
  }
  return (
    <ul className="readers" aria-label={t('status.readers')}>
      {readers.map((reader) => (
        <li
          key={reader.id}
          className={`indicator indicator--${reader.state === 'connected' ? 'online' : 'offline'}`}
          data-testid="status-reader"
          data-state={reader.state}
        >
          <span className="indicator__icon" aria-hidden="true">
            {reader.state === 'connected' ? '●' : '○'}
          </span>
          <span className="indicator__label">{readerName(reader)}</span>
          <strong className="indicator__word">{t(`status.reader.${reader.state}`)}</strong>
        </li>
      ))}
    </ul>
  );
}
