/**
 * The part of node-hid's HIDAsync the readers use. Depending on this rather than on node-hid
 * keeps the readers testable without hardware and keeps the native module out of the core's tests.
 */
export interface HidDevicePort {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'data', listener: (report: Uint8Array) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
}

/** Opens the device at a path; rejects while it is absent or held by someone else. */
export type HidOpener = (path: string) => Promise<HidDevicePort>;

/** One entry of node-hid's device list, as far as picking a reader needs. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  /** Undefined under Linux's libusb driver, which does not report usages. */
  usagePage?: number | undefined;
  usage?: number | undefined;
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  interface: number;
}
