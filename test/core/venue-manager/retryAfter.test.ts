import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../../src/main/outbox/Backoff';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import { AppError } from '../../../src/shared/errors';
import { startScriptedServer } from '../../support/scriptedServer';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A client in front of a server that answers every request with this status and Retry-After. */
async function answering(status: number, retryAfter: string | undefined) {
  const server = await startScriptedServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) });
    res.end('{"error":"busy"}');
  });
  const client = new VenueManagerClient({ baseUrl: server.url, authHeaders: () => ({}), getRetries: 0, sleep: () => Promise.resolve() });
  closers.push(() => client.close(), server.close);
  return { client, server };
}

async function failure(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('Retry-After travels from the HTTP answer to whoever retries', () => {
  it('a read (product history) answered 503 carries the header, in seconds, as given', async () => {
    const { client, server } = await answering(503, '120');
    const error = await failure(client.productHistory(42));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', details: { status: 503, retryAfter: '120', serverMessage: 'busy' } });
    expect(server.seen).toHaveLength(1);
    expect(retryAfterMs(error, Date.now())).toBe(120_000);
  });

  it('an HTTP-date Retry-After on a write is kept as given, and read as the time left until then', async () => {
    const now = Date.parse('2026-07-03T12:00:00Z');
    const { client } = await answering(503, 'Fri, 03 Jul 2026 12:01:30 GMT');
    const error = await failure(client.comment(42, 'Guest was kind'));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', details: { retryAfter: 'Fri, 03 Jul 2026 12:01:30 GMT' } });
    expect(retryAfterMs(error, now)).toBe(90_000);
  });

  it('a 429 keeps its Retry-After too (status and header in the details)', async () => {
    const { client } = await answering(429, '5');
    const error = await failure(client.blockToken(42, '04A2B3C4D5E6C1', 'Lost'));
    expect(error.details).toMatchObject({ status: 429, retryAfter: '5' });
    expect(retryAfterMs(error, Date.now())).toBe(5_000);
  });

  it('no header, no hint: the backoff alone decides', async () => {
    const { client } = await answering(502, undefined);
    const error = await failure(client.addToken(42, '04A2B3C4D5E6C1', 'New band'));
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.details?.retryAfter).toBeUndefined();
    expect(retryAfterMs(error, Date.now())).toBeUndefined();
  });
});
