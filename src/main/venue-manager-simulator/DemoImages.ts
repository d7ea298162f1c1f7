import { crc32, deflateSync } from 'node:zlib';

/** Where the simulator serves demo product images, outside the API's base path and its auth. */
export const demoImagePathPrefix = '/demo-images/';

/** Band colours of the demo's products, in catalogue order: the desk sees at a glance which pass it is. */
const bandColours: readonly (readonly [number, number, number])[] = [
  [0xd9, 0x48, 0x2b],
  [0x2b, 0x7a, 0xd9],
  [0x2b, 0xa8, 0x5a],
  [0xd9, 0xa4, 0x2b],
  [0x8a, 0x3f, 0xc2],
  [0x1f, 0x1f, 0x1f],
  [0xe8, 0x6a, 0xb0],
  [0x12, 0x9c, 0x9c],
  [0x70, 0x70, 0x70],
];

export function demoImagePath(catalogueIndex: number): string {
  return `${demoImagePathPrefix}${catalogueIndex % bandColours.length}.png`;
}

/**
 * The PNG for a demo image path, drawn here so the demo needs no network: a wristband in the
 * product's colour with its chip. Undefined for any other path.
 */
export function demoImage(path: string): Buffer | undefined {
  const match = /^\/demo-images\/(\d)\.png$/.exec(path);
  const colour = match?.[1] === undefined ? undefined : bandColours[Number(match[1])];
  return colour === undefined ? undefined : wristbandPng(colour);
}

function wristbandPng([r, g, b]: readonly [number, number, number]): Buffer {
  const width = 240;
  const height = 120;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // leading 0: PNG filter "none"
    for (let x = 0; x < width; x++) {
      const inBand = y >= 38 && y < 82;
      const inChip = x >= 100 && x < 140 && y >= 46 && y < 74;
      const pixel = inChip ? [0xf4, 0xf4, 0xf4] : inBand ? [r, g, b] : [0xf3, 0xef, 0xe6];
      row.set(pixel, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
