import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import type { Core } from '../../../src/main/core/Core';
import type { AnyEvent } from '../../../src/shared/contract';
import { startTestCore } from '../../support/startTestCore';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function core(env: Record<string, string> = {}): Promise<Core> {
  const started = await startTestCore(env);
  stops.push(started.stop);
  return started.core;
}

async function call(core: Core, method: string, params: unknown) {
  return dispatch(core.handlers, method, params, { error: () => {} });
}

describe('admin gate in the core', () => {
  it('refuses connection settings and credentials until the admin PIN is set and given', async () => {
    const c = await core();
    expect(await call(c, 'settings.update', { deskName: 'Gate 3' })).toMatchObject({ ok: false, error: { code: 'ADMIN_PIN_NOT_SET' } });
    expect(await call(c, 'admin.setPin', { pin: '2468' })).toMatchObject({ ok: true, result: { pinSet: true, unlocked: true } });
    expect(await call(c, 'settings.update', { deskName: 'Gate 3' })).toMatchObject({ ok: true });
    expect(await call(c, 'admin.lock', {})).toMatchObject({ ok: true, result: { unlocked: false } });
    for (const [method, params] of [
      ['settings.update', { venueManager: { baseUrl: 'http://127.0.0.1:9/', authMode: 'none', basicUsername: '', headerName: '' } }],
      ['settings.update', { venueTimeZone: 'Europe/Amsterdam' }],
      ['settings.update', { language: 'da', deskName: 'Sneaky' }],
      ['secrets.set', { name: 'venueManager.bearerToken', value: 'x' }],
      ['secrets.clear', { name: 'venueManager.bearerToken' }],
    ] as const) {
      expect(await call(c, method, params), method).toMatchObject({ ok: false, error: { code: 'ADMIN_LOCKED' } });
    }
    const view = await call(c, 'settings.get', {});
    expect(view).toMatchObject({ ok: true, result: { settings: { deskName: 'Gate 3', language: 'auto' } } });
  });

  it('leaves language, theme and remembered reasons free for every operator', async () => {
    const c = await core();
    expect(await call(c, 'settings.update', { language: 'da', theme: 'light' })).toMatchObject({ ok: true });
    expect(
      await call(c, 'settings.update', { recentReasons: { block: ['Lost at the bar'], replace: [], add: [] } }),
    ).toMatchObject({ ok: true, result: { settings: { language: 'da', theme: 'light' } } });
  });

  it('tells the screen when the lock changes', async () => {
    const c = await core();
    const seen: AnyEvent[] = [];
    c.events.subscribe((event) => seen.push(event));
    await call(c, 'admin.setPin', { pin: '2468' });
    await call(c, 'admin.lock', {});
    expect(seen.filter((e) => e.event === 'admin').map((e) => e.payload)).toEqual([
      expect.objectContaining({ unlocked: true }),
      expect.objectContaining({ unlocked: false }),
    ]);
  });
});

describe('bearer token expiry', () => {
  const jwt = (claims: object) =>
    ['eyJhbGciOiJIUzI1NiJ9', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'c2ln'].join('.');

  it("reads a configured bearer JWT's exp into the status and the settings view", async () => {
    const expSeconds = Date.UTC(2026, 6, 6, 12, 0, 0) / 1000;
    const c = await core({ WRISTDESK_VM_BEARER_TOKEN: jwt({ sub: 'desk', exp: expSeconds }) });
    await call(c, 'admin.setPin', { pin: '2468' });
    expect(await call(c, 'status.get', {})).toMatchObject({ ok: true, result: { demo: true } });
    expect(((await call(c, 'status.get', {})) as { result: object }).result).not.toHaveProperty('credentialsExpireAt');
    await call(c, 'settings.update', {
      venueManager: { baseUrl: 'http://127.0.0.1:9/api', authMode: 'bearer', basicUsername: '', headerName: '' },
    });
    expect(await call(c, 'status.get', {})).toMatchObject({ ok: true, result: { credentialsExpireAt: expSeconds * 1000 } });
    expect(await call(c, 'settings.get', {})).toMatchObject({
      ok: true,
      result: { secrets: { 'venueManager.bearerToken': { set: true, expiresAt: expSeconds * 1000 } } },
    });
  });

  it('claims nothing for tokens that are not JWTs or have no exp', async () => {
    // exp in milliseconds by mistake (1.7e12 s is 55,000 years away) and one beyond any date.
    for (const token of ['opaque-token-123', jwt({ sub: 'desk' }), jwt({ exp: 'soon' }), 'a.%%%.c', jwt({ exp: 1.7e12 }), jwt({ exp: 1e306 })]) {
      const c = await core({ WRISTDESK_VM_BEARER_TOKEN: token });
      await call(c, 'admin.setPin', { pin: '2468' });
      await call(c, 'settings.update', {
        venueManager: { baseUrl: 'http://127.0.0.1:9/api', authMode: 'bearer', basicUsername: '', headerName: '' },
      });
      const status = (await call(c, 'status.get', {})) as { result: object };
      expect(status.result, token).not.toHaveProperty('credentialsExpireAt');
    }
  });
});

describe('work offline and clear local data (admin)', () => {
  it('working offline sends nothing, says so in the status, and needs the admin', async () => {
    const c = await core();
    const samples = (await call(c, 'reader.samples', {})) as { result: { uid: string; kind: string }[] };
    const uid = samples.result.find((s) => s.kind === 'active')!.uid;
    expect(await call(c, 'settings.update', { workOffline: true })).toMatchObject({ ok: false, error: { code: 'ADMIN_PIN_NOT_SET' } });
    await call(c, 'admin.setPin', { pin: '2468' });
    expect(await call(c, 'settings.update', { workOffline: true })).toMatchObject({ ok: true });
    expect(await call(c, 'status.get', {})).toMatchObject({ ok: true, result: { connectivity: { state: 'offline', reason: 'OFFLINE_FORCED' } } });
    expect(await call(c, 'identify.lookup', { uid })).toMatchObject({ ok: false, error: { code: 'OFFLINE_FORCED' } });
    expect(await call(c, 'venueManager.search', { name: 'A*' })).toMatchObject({ ok: false, error: { code: 'OFFLINE_FORCED' } });
    await call(c, 'settings.update', { workOffline: false });
    expect(await call(c, 'identify.lookup', { uid })).toMatchObject({ ok: true, result: { kind: 'found' } });
  });

  it('clears the tap log only when unlocked, and keeps the audit', async () => {
    const c = await core();
    await call(c, 'reader.virtualTap', {});
    await call(c, 'reader.virtualTap', {});
    expect(await call(c, 'data.clear', {})).toMatchObject({ ok: false, error: { code: 'ADMIN_PIN_NOT_SET' } });
    await call(c, 'admin.setPin', { pin: '2468' });
    await call(c, 'admin.lock', {});
    expect(await call(c, 'data.clear', {})).toMatchObject({ ok: false, error: { code: 'ADMIN_LOCKED' } });
    await call(c, 'admin.unlock', { pin: '2468' });
    expect(await call(c, 'data.clear', {})).toMatchObject({ ok: true, result: { scans: 2 } });
    expect(await call(c, 'data.clear', {})).toEqual({ ok: true, result: { scans: 0, products: 0 } });
  });
});
