import type * as NodeHid from 'node-hid';
import type { HidDeviceInfo, HidOpener } from './HidDevicePort';

/**
 * Binds the readers to the node-hid module the caller loaded. The module is passed in rather
 * than imported so only the shell decides when the native binary loads (and with which driver).
 * Type-checking this file is what proves HIDAsync fits HidDevicePort.
 */
export function nodeHidBindings(
  hid: Pick<typeof NodeHid, 'HIDAsync' | 'devicesAsync'>,
  options: { nonExclusive?: boolean } = {},
): { open: HidOpener; devicesAsync: () => Promise<HidDeviceInfo[]> } {
  return {
    open: (path) => hid.HIDAsync.open(path, options),
    devicesAsync: () => hid.devicesAsync(),
  };
}
