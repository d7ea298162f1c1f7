import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HidReaderSetting, ListedHidDevice, ReadersSettings } from '../../../../shared/readers';
import { useErrorText } from '../../i18n/useErrorText';
import { hashForView } from '../../routing/viewHash';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { ReaderCalibration } from './ReaderCalibration';
import { ReaderOptionsForm } from './ReaderOptionsForm';

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

/**
 * Which USB readers this desk opens (admin). Readers are remembered by vendor and product id, so
 * a replug into another port finds them again. Keyboard-wedge readers need nothing here.
 */
export function ReaderPickerSection({ readers }: { readers: ReadersSettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const devices = useAppStore((state) => state.hidDevices);
  const loadDevices = useAppStore((state) => state.loadHidDevices);
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (hid: HidReaderSetting[]) => {
    setProblem(null);
    try {
      await updateSettings({ readers: { ...readers, hid } });
    } catch (error) {
      setProblem(errorText(toAppError(error)));
    }
  };

  const add = (device: ListedHidDevice) => {
    // Usage too: a composite reader offers a keyboard and a data interface under one vendor/product id.
    const usage = device.usagePage === undefined || device.usage === undefined ? '' : `-${hex4(device.usagePage)}-${hex4(device.usage)}`;
    const id = `usb-${hex4(device.vendorId)}-${hex4(device.productId)}${usage}`;
    if (readers.hid.some((reader) => reader.id === id)) return;
    const reader: HidReaderSetting = {
      id,
      name: device.product ?? `USB ${hex4(device.vendorId)}:${hex4(device.productId)}`,
      vendorId: device.vendorId,
      productId: device.productId,
      ...(device.usagePage === undefined ? {} : { usagePage: device.usagePage }),
      ...(device.usage === undefined ? {} : { usage: device.usage }),
      // Vendor-mode readers usually send the UID's bytes; the admin can adjust the format later.
      decoder: device.access.status === 'openable' && device.access.kind === 'hid-raw' ? { kind: 'raw', format: { encoding: 'bytes-hex', length: 7 } } : { kind: 'keyboard' },
      role: 'wristband',
      uidFormat: { state: 'uncalibrated' },
    };
    void save([...readers.hid, reader]);
  };

  return (
    <section className="settings__section" aria-labelledby="settings-readers" data-testid="settings-readers">
      <h2 id="settings-readers" className="section-heading">
        {t('readers.settings.title')}
      </h2>
      <p className="field__hint">{t('readers.settings.intro')}</p>
      {readers.hid.length === 0 ? (
        <p data-testid="readers-configured-none">{t('readers.settings.noneConfigured')}</p>
      ) : (
        <ul className="secrets">
          {readers.hid.map((reader) => (
            <li key={reader.id} className="reader-row" data-testid="reader-configured" data-reader={reader.id}>
              <span>
                <strong>{reader.name}</strong> <span className="mono">{`${hex4(reader.vendorId)}:${hex4(reader.productId)}`}</span>
              </span>
              <select
                value={reader.role}
                aria-label={t('readers.settings.role')}
                data-testid="reader-role"
                onChange={(event) =>
                  void save(readers.hid.map((r) => (r.id === reader.id ? { ...r, role: event.target.value === 'barcode' ? 'barcode' : 'wristband' } : r)))
                }
              >
                <option value="wristband">{t('readers.settings.roleWristband')}</option>
                <option value="barcode">{t('readers.settings.roleBarcode')}</option>
              </select>
              <button type="button" className="button" data-testid="reader-remove" onClick={() => void save(readers.hid.filter((r) => r.id !== reader.id))}>
                {t('readers.settings.remove')}
              </button>
              <ReaderCalibration readerId={reader.id} format={reader.uidFormat} />
            </li>
          ))}
        </ul>
      )}
      <h3 className="section-heading">{t('readers.settings.wedge')}</h3>
      <ReaderCalibration readerId="wedge" format={readers.wedgeUidFormat} />
      <ReaderOptionsForm readers={readers} />
      <div className="settings__actions">
        <button type="button" className="button" data-testid="readers-find" onClick={() => void loadDevices()}>
          {t('readers.settings.find')}
        </button>
        <a className="button" href={hashForView('readers')}>
          {t('readers.settings.test')}
        </a>
      </div>
      {devices.phase === 'failed' && <StateMessage tone="bad">{errorText(devices.error)}</StateMessage>}
      {devices.phase === 'loaded' && (
        <ul className="secrets" data-testid="readers-found">
          {devices.devices.length === 0 && <li>{t('readers.settings.noDevices')}</li>}
          {devices.devices.map((device) => (
            <li key={`${device.path ?? ''}-${device.interface}`} className="reader-row" data-testid="reader-device">
              <span>
                <strong>{device.product ?? t('readers.settings.unnamed')}</strong>{' '}
                <span className="mono">{`${hex4(device.vendorId)}:${hex4(device.productId)}`}</span>
              </span>
              {device.access.status === 'openable' ? (
                <button type="button" className="button" data-testid="reader-add" onClick={() => add(device)}>
                  {t('readers.settings.add')}
                </button>
              ) : (
                <span className="field__hint" title={device.access.reason}>
                  {device.access.status === 'os-held' ? t('readers.settings.osHeld') : t('readers.settings.unsupported')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem !== null && <StateMessage tone="bad">{problem}</StateMessage>}
    </section>
  );
}
