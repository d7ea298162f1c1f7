import { describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from '../../../src/main/scanner/hid/HidDevicePort';
import { hidPathFinder, listHidDevices } from '../../../src/main/scanner/hid/listHidDevices';

const device = (overrides: Partial<HidDeviceInfo>): HidDeviceInfo => ({ vendorId: 0xffff, productId: 0x0035, interface: 0, ...overrides });

describe('listHidDevices', () => {
  it('marks each device openable (and how to read it), held by the OS, or unsupported', async () => {
    const windowsKeyboard = device({
      path: '\\\\?\\HID#VID_FFFF&PID_0035#7&1a2b3c4d&0&0000#{884b96c3-56ef-11d1-bc8c-00a0c91405dd}\\KBD',
      usagePage: 1,
      usage: 6,
    });
    const linuxKeyboard = device({ path: '/dev/hidraw3', usagePage: 1, usage: 6, product: 'USB Reader' });
    const vendor = device({ vendorId: 0x0c27, productId: 0x3bfa, path: '/dev/hidraw4', usagePage: 0xff00, usage: 1 });
    const libusb = device({ path: '0001:0004:00' });
    const mouse = device({ path: '/dev/hidraw5', usagePage: 1, usage: 2 });
    const pathless = device({ usagePage: 0xff00, usage: 1 });

    const listed = await listHidDevices(() => Promise.resolve([windowsKeyboard, linuxKeyboard, vendor, libusb, mouse, pathless]));

    expect(listed.map((d) => d.access)).toEqual([
      { status: 'os-held', reason: 'Windows does not let apps read keyboards directly: use keyboard-wedge mode for this reader.' },
      { status: 'openable', kind: 'hid-keyboard' },
      { status: 'openable', kind: 'hid-raw' },
      { status: 'openable', kind: 'unknown' },
      { status: 'unsupported', reason: 'Neither a keyboard nor a vendor-defined device (a mouse, a media key pad…).' },
      { status: 'unsupported', reason: 'The driver reported no path to open it by.' },
    ]);
    expect(listed[1]).toMatchObject({ vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3', product: 'USB Reader' });
  });

  it('finds the current path of a device by what identifies it, or undefined while it is absent', async () => {
    let devices = [device({ path: '/dev/hidraw2', usagePage: 1, usage: 2 }), device({ path: '/dev/hidraw3', usagePage: 1, usage: 6 })];
    const find = hidPathFinder(() => Promise.resolve(devices), { vendorId: 0xffff, productId: 0x0035, usagePage: 1, usage: 6 });
    expect(await find()).toBe('/dev/hidraw3');
    devices = [];
    expect(await find()).toBeUndefined();
    devices = [device({ path: '/dev/hidraw7', usagePage: 1, usage: 6 })];
    expect(await find()).toBe('/dev/hidraw7');
  });
});
