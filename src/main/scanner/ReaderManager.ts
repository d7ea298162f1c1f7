import type { ReaderStatus } from '../../shared/contract';
import type { ListedHidDevice, HidReaderSetting } from '../../shared/readers';
import type { Log } from '../core/Log';
import { BootKeyboardDecoder } from './hid/BootKeyboardDecoder';
import type { HidDeviceInfo, HidOpener } from './hid/HidDevicePort';
import { HidReader } from './hid/HidReader';
import { hidPathFinder, listHidDevices } from './hid/listHidDevices';
import { RawReportDecoder } from './hid/RawReportDecoder';
import type { Scheduler } from '../core/Scheduler';

/** node-hid, as the shell loaded it (the core never loads the native module itself). */
export interface HidBindings {
  open: HidOpener;
  devicesAsync: () => Promise<HidDeviceInfo[]>;
}

export interface ReaderManagerOptions {
  /** Undefined where USB readers are not available (tests, a platform without node-hid). */
  loadBindings: (() => Promise<HidBindings>) | undefined;
  now: () => number;
  log: Log;
  /** Each read, raw, with the setting of the reader it came from. */
  onRead: (read: { readerId: string; raw: string; at: number }, setting: HidReaderSetting) => void;
  /** Any reader connected, disconnected, appeared or went. */
  onStatusChange: () => void;
  /** Every raw report of every reader, for the reader test screen. */
  onReport?: (readerId: string, report: Uint8Array) => void;
  schedule?: Scheduler;
}

interface OpenReader {
  setting: HidReaderSetting;
  key: string;
  reader: HidReader;
}

/**
 * The USB HID readers picked in Settings: opened by vendor/product id (paths change on replug),
 * reopened after an unplug, several at once. If node-hid cannot load (libusb missing), each
 * picked reader says so in its status instead of silently reading nothing.
 */
export class ReaderManager {
  private readonly open = new Map<string, OpenReader>();
  private bindings: Promise<HidBindings> | undefined;
  private bindingProblem: string | undefined;
  private settings: readonly HidReaderSetting[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ReaderManagerOptions) {}

  /** Applies the picked readers: unchanged ones keep running, changed ones restart. Calls run in order. */
  configure(settings: readonly HidReaderSetting[]): Promise<void> {
    const next = this.queue.then(() => this.apply(settings));
    this.queue = next.catch((error: unknown) => this.options.log.error('readers could not be configured', error));
    return this.queue;
  }

  statuses(): ReaderStatus[] {
    return this.settings.map((setting) => {
      const running = this.open.get(setting.id);
      if (running !== undefined) return { ...running.reader.status(), name: setting.name };
      return {
        id: setting.id,
        name: setting.name,
        kind: setting.decoder.kind === 'keyboard' ? 'hid-keyboard' : 'hid-raw',
        state: 'disconnected',
        ...(this.bindingProblem === undefined ? {} : { problem: this.bindingProblem }),
      };
    });
  }

  async devices(): Promise<ListedHidDevice[]> {
    const bindings = await this.loadBindings();
    return (await listHidDevices(bindings.devicesAsync)).map((device) => withoutUndefined(device));
  }

  async close(): Promise<void> {
    await this.queue;
    await Promise.all([...this.open.values()].map(({ reader }) => reader.close()));
    this.open.clear();
  }

  private async apply(settings: readonly HidReaderSetting[]): Promise<void> {
    this.settings = settings;
    const wanted = new Map(settings.map((setting) => [setting.id, setting]));
    for (const [id, running] of this.open) {
      const setting = wanted.get(id);
      if (setting === undefined || settingKey(setting) !== running.key) {
        this.open.delete(id);
        await running.reader.close();
      }
    }
    const toStart = settings.filter((setting) => !this.open.has(setting.id));
    if (toStart.length > 0) {
      let bindings: HidBindings;
      try {
        bindings = await this.loadBindings();
      } catch {
        this.options.onStatusChange();
        return;
      }
      for (const setting of toStart) this.start(setting, bindings);
    }
    this.options.onStatusChange();
  }

  private start(setting: HidReaderSetting, bindings: HidBindings): void {
    const findPath = hidPathFinder(bindings.devicesAsync, {
      vendorId: setting.vendorId,
      productId: setting.productId,
      ...(setting.usagePage === undefined ? {} : { usagePage: setting.usagePage }),
      ...(setting.usage === undefined ? {} : { usage: setting.usage }),
    });
    const reader = new HidReader({
      id: setting.id,
      name: setting.name,
      path: '',
      findPath,
      open: bindings.open,
      decoder: setting.decoder.kind === 'keyboard' ? new BootKeyboardDecoder() : new RawReportDecoder(setting.decoder.format),
      now: this.options.now,
      // The UID is worked out by the scan intake, with this reader's format: pass the text on as read.
      normalise: (raw) => raw,
      log: this.options.log,
      onReport: (report) => this.options.onReport?.(setting.id, report),
      ...(this.options.schedule === undefined ? {} : { schedule: this.options.schedule }),
    });
    // The setting as it is at read time: a calibration changes the format without reopening.
    reader.onScan((scan) =>
      this.options.onRead({ readerId: scan.readerId, raw: scan.raw, at: scan.at }, this.settings.find((s) => s.id === setting.id) ?? setting),
    );
    reader.onStatus(() => this.options.onStatusChange());
    this.open.set(setting.id, { setting, key: settingKey(setting), reader });
    void reader.start();
  }

  private loadBindings(): Promise<HidBindings> {
    const load = this.options.loadBindings;
    if (load === undefined) return Promise.reject(new Error('USB readers are not available in this mode'));
    this.bindings ??= load().then(
      (bindings) => {
        this.bindingProblem = undefined;
        return bindings;
      },
      (error: unknown) => {
        // Typically libusb-1.0 missing on Linux. Kept, so the admin reads it at the reader; retried at the next configure.
        this.bindingProblem = `The USB reader driver could not load: ${error instanceof Error ? error.message : String(error)}`;
        this.bindings = undefined;
        this.options.log.error('node-hid could not load', error);
        throw error;
      },
    );
    return this.bindings;
  }
}

/** What, when changed, needs the reader reopened (the UID format is applied per read, not here). */
function settingKey(setting: HidReaderSetting): string {
  const { vendorId, productId, usagePage, usage, decoder } = setting;
  return JSON.stringify({ vendorId, productId, usagePage, usage, decoder });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
