import { EventEmitter } from 'node:events';
import type { HidDevicePort, HidOpener } from '../../src/main/scanner/hid/HidDevicePort';

/** "00 00 27 00 …" → bytes; spaces are for the reader of the fixture. */
export function hexReport(hex: string): Buffer {
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex');
}

/**
 * Stands in for node-hid's HIDAsync: 'data' carries Buffers, an unplug is an 'error' with
 * node-hid's message, and like a real EventEmitter an 'error' nobody listens to throws.
 */
export class FakeHidDevice extends EventEmitter implements HidDevicePort {
  closeCalls = 0;

  constructor(readonly path: string) {
    super();
  }

  get closed(): boolean {
    return this.closeCalls > 0;
  }

  /** Sends reports as the device would, each a hex string or raw bytes. */
  send(...reports: (string | Uint8Array)[]): void {
    for (const report of reports) this.emit('data', typeof report === 'string' ? hexReport(report) : Buffer.from(report));
  }

  /** What node-hid's read loop does when the cable is pulled. */
  failAsUnplugged(): void {
    this.emit('error', new Error('could not read from HID device'));
  }

  close(): Promise<void> {
    this.closeCalls += 1;
    return Promise.resolve();
  }
}

/** Opens FakeHidDevices while the device is "plugged in"; rejects like node-hid while it is not. */
export class FakeHidOpener {
  readonly attempts: string[] = [];
  readonly opened: FakeHidDevice[] = [];
  private present: boolean;

  constructor(options: { present?: boolean } = {}) {
    this.present = options.present ?? true;
  }

  readonly open: HidOpener = (path) => {
    this.attempts.push(path);
    if (!this.present) return Promise.reject(new Error(`cannot open device with path ${path}`));
    const device = new FakeHidDevice(path);
    this.opened.push(device);
    return Promise.resolve(device);
  };

  /** The device opened last. */
  get current(): FakeHidDevice {
    const device = this.opened.at(-1);
    if (device === undefined) throw new Error('No device has been opened');
    return device;
  }

  /** Pulls the cable: the open device errors and later opens fail. */
  unplug(): void {
    this.present = false;
    this.opened.at(-1)?.failAsUnplugged();
  }

  /** Plugs it back in: the next open succeeds. */
  replug(): void {
    this.present = true;
  }
}
