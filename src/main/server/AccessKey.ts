import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The per-start secret of browser mode: whoever lacks it gets nothing but a 403. */
export class AccessKey {
  readonly value: string;
  private readonly bytes: Buffer;

  constructor(value = randomBytes(32).toString('base64url')) {
    this.value = value;
    this.bytes = Buffer.from(value, 'utf8');
  }

  matches(candidate: string | null | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const given = Buffer.from(candidate, 'utf8');
    return given.length === this.bytes.length && timingSafeEqual(given, this.bytes);
  }
}
