import type { ReaderStatus } from '../../../shared/contract';
import type { ScanEvent } from '../../../shared/model';
import { silentLog } from '../../core/Log';
import type { Log } from '../../core/Log';
import type { UidSource } from '../UidSource';
import type { HidDevicePort, HidOpener } from './HidDevicePort';
import type { ReportDecoder } from './ReportDecoder';
import { timerScheduler } from '../../core/Scheduler';
import type { Scheduler } from '../../core/Scheduler';

export interface HidReaderOptions {
  id: string;
  /** What the operator sees, e.g. the product name. */
  name: string;
  path: string;
  /**
   * Finds the device's current path before each reopen; undefined means "not present yet".
   * Needed where paths change on replug (macOS); without it the reader reopens `path`.
   */
  findPath?: () => Promise<string | undefined>;
  open: HidOpener;
  /** Decides the reader kind too: BootKeyboardDecoder → 'hid-keyboard', RawReportDecoder → 'hid-raw'. */
  decoder: ReportDecoder;
  now: () => number;
  /** Default: trim and uppercase. A throw drops the read (it is logged), as it is no UID. */
  normalise?: (raw: string) => string;
  schedule?: Scheduler;
  /** How often to try reopening while the device is away. */
  retryEveryMs?: number;
  log?: Log;
  /** Every report as it arrives, before decoding: for the reader test screen. */
  onReport?: (report: Uint8Array, at: number) => void;
}

const defaultNormalise = (raw: string): string => raw.trim().toUpperCase();

/**
 * A USB HID reader opened through node-hid. node-hid has no unplug event: the read loop emits
 * 'error' and stops. So an 'error' means "gone": close, then poll for the device until it opens.
 */
export class HidReader implements UidSource {
  readonly id: string;
  private readonly options: HidReaderOptions;
  private readonly normalise: (raw: string) => string;
  private readonly schedule: Scheduler;
  private readonly retryEveryMs: number;
  private readonly log: Log;
  private readonly scanListeners = new Set<(scan: ScanEvent) => void>();
  private readonly statusListeners = new Set<(status: ReaderStatus) => void>();
  private state: ReaderStatus['state'] = 'disconnected';
  private port: HidDevicePort | undefined;
  private detachPort: (() => void) | undefined;
  private cancelRetry: (() => void) | undefined;
  private opening: Promise<void> | undefined;
  private started = false;
  private closed = false;

  constructor(options: HidReaderOptions) {
    this.id = options.id;
    this.options = options;
    this.normalise = options.normalise ?? defaultNormalise;
    this.schedule = options.schedule ?? timerScheduler;
    this.retryEveryMs = options.retryEveryMs ?? 1000;
    this.log = options.log ?? silentLog;
  }

  /** Tries to open the device once; if it is absent, keeps trying in the background. Resolves either way. */
  start(): Promise<void> {
    if (this.started || this.closed) return this.opening ?? Promise.resolve();
    this.started = true;
    return this.attempt();
  }

  status(): ReaderStatus {
    return { id: this.id, name: this.options.name, kind: this.options.decoder.kind, state: this.state };
  }

  onScan(listener: (scan: ScanEvent) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  /** Called on every connected/disconnected change. Returns an unsubscribe function. */
  onStatus(listener: (status: ReaderStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Stops reading and retrying, without a final status event: the reader is gone, not disconnected. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    await this.opening;
    const port = this.port;
    this.releasePort();
    this.state = 'disconnected';
    this.scanListeners.clear();
    this.statusListeners.clear();
    if (port !== undefined) await closeQuietly(port);
  }

  private attempt(): Promise<void> {
    this.cancelRetry = undefined;
    const opening = this.openPort()
      .catch((error: unknown) => {
        this.log.error('HID reader could not start reading', error);
        this.scheduleRetry();
      })
      .finally(() => {
        if (this.opening === opening) this.opening = undefined;
      });
    this.opening = opening;
    return opening;
  }

  private async openPort(): Promise<void> {
    let port: HidDevicePort;
    try {
      const path = this.options.findPath === undefined ? this.options.path : await this.options.findPath();
      if (path === undefined) {
        this.scheduleRetry();
        return;
      }
      port = await this.options.open(path);
    } catch {
      // Absent or busy: expected while unplugged, so not worth a log line every second.
      this.scheduleRetry();
      return;
    }
    if (this.closed) {
      await closeQuietly(port);
      return;
    }
    this.attach(port);
  }

  private attach(port: HidDevicePort): void {
    // Whatever was half-typed belongs to the device we lost, not to this one.
    this.options.decoder.reset();
    const onData = (report: Uint8Array) => this.read(report);
    const onError = (error: Error) => {
      if (this.port === port) this.lose(port, error);
    };
    port.on('data', onData);
    port.on('error', onError);
    this.port = port;
    this.detachPort = () => {
      port.off('data', onData);
      // A listener stays so a late 'error' from the dead port cannot become an uncaught exception.
      port.off('error', onError);
      port.on('error', ignoreError);
    };
    this.log.info('HID reader connected', { reader: this.id });
    this.setState('connected');
  }

  private read(report: Uint8Array): void {
    const at = this.options.now();
    this.options.onReport?.(report, at);
    for (const raw of this.options.decoder.feed(report, at)) this.emit(raw, at);
  }

  private lose(port: HidDevicePort, error: Error): void {
    this.releasePort();
    this.options.decoder.reset();
    this.log.warn('HID reader lost its device', { reader: this.id, error: error.message });
    this.setState('disconnected');
    void closeQuietly(port);
    this.scheduleRetry();
  }

  private releasePort(): void {
    this.detachPort?.();
    this.detachPort = undefined;
    this.port = undefined;
  }

  private scheduleRetry(): void {
    if (this.closed || this.cancelRetry !== undefined || this.port !== undefined) return;
    this.cancelRetry = this.schedule(() => void this.attempt(), this.retryEveryMs);
  }

  private emit(raw: string, at: number): void {
    let uid: string;
    try {
      uid = this.normalise(raw);
    } catch (error) {
      this.log.warn('HID reader read something that is not a UID', { reader: this.id, raw, error: String(error) });
      return;
    }
    const scan: ScanEvent = { readerId: this.id, raw, uid, at };
    for (const listener of this.scanListeners) this.notify(() => listener(scan));
  }

  private setState(state: ReaderStatus['state']): void {
    if (this.state === state) return;
    this.state = state;
    const status = this.status();
    for (const listener of this.statusListeners) this.notify(() => listener(status));
  }

  /** A listener's bug must not stop the read loop or the other listeners. */
  private notify(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.log.error('A reader listener failed', error);
    }
  }
}

function ignoreError(): void {
  // The port is already closed and replaced; its errors tell us nothing new.
}

async function closeQuietly(port: HidDevicePort): Promise<void> {
  try {
    await port.close();
  } catch {
    // Closing a device that was unplugged may fail; it is gone either way.
  }
}
