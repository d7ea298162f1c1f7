import type { HidDeviceInfo } from './HidDevicePort';

/** Whether, and how, Wristdesk can read a listed device. */
export type HidDeviceAccess =
  | {
      status: 'openable';
      /** How to decode it; 'unknown' when the driver did not say what the device is. */
      kind: 'hid-keyboard' | 'hid-raw' | 'unknown';
    }
  | { status: 'os-held'; reason: string }
  | { status: 'unsupported'; reason: string };

export interface ListedHidDevice extends HidDeviceInfo {
  access: HidDeviceAccess;
}

const GENERIC_DESKTOP = 0x01;
const KEYBOARD = 0x06;
const FIRST_VENDOR_PAGE = 0xff00;

/** Lists the HID devices present, each marked with whether a reader can be opened on it. */
export async function listHidDevices(devicesAsync: () => Promise<HidDeviceInfo[]>): Promise<ListedHidDevice[]> {
  const devices = await devicesAsync();
  return devices.map((device) => ({ ...device, access: classifyHidDevice(device) }));
}

export function classifyHidDevice(device: HidDeviceInfo): HidDeviceAccess {
  const { path, usagePage, usage } = device;
  if (path === undefined || path === '') return { status: 'unsupported', reason: 'The driver reported no path to open it by.' };
  // Windows keeps keyboards for itself: opening one fails with "cannot open device" whatever we do.
  if (path.toLowerCase().includes('\\kbd')) {
    return {
      status: 'os-held',
      reason: 'Windows does not let apps read keyboards directly: use keyboard-wedge mode for this reader.',
    };
  }
  if (usagePage === undefined || usage === undefined) return { status: 'openable', kind: 'unknown' };
  if (usagePage === GENERIC_DESKTOP && usage === KEYBOARD) return { status: 'openable', kind: 'hid-keyboard' };
  if (usagePage >= FIRST_VENDOR_PAGE) return { status: 'openable', kind: 'hid-raw' };
  return { status: 'unsupported', reason: 'Neither a keyboard nor a vendor-defined device (a mouse, a media key pad…).' };
}

/** What identifies a reader across replugs, when its path does not (macOS paths change every time). */
export interface HidDeviceMatch {
  vendorId: number;
  productId: number;
  usagePage?: number;
  usage?: number;
  interface?: number;
}

/** Returns a function that finds the current path of the first device matching, or undefined while none is present. */
export function hidPathFinder(
  devicesAsync: () => Promise<HidDeviceInfo[]>,
  match: HidDeviceMatch,
): () => Promise<string | undefined> {
  return async () => {
    const devices = await devicesAsync();
    const found = devices.find(
      (device) =>
        device.vendorId === match.vendorId &&
        device.productId === match.productId &&
        (match.usagePage === undefined || device.usagePage === match.usagePage) &&
        (match.usage === undefined || device.usage === match.usage) &&
        (match.interface === undefined || device.interface === match.interface),
    );
    return found?.path;
  };
}
