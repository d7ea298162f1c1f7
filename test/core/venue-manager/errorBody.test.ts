import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedErrorCodes, errorFromResponse, serverMessage } from '../../../src/main/venue-manager/ErrorBody';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/venue-manager/${name}`, import.meta.url), 'utf8');

describe('error bodies', () => {
  it('every documented message has its own code', () => {
    const documented = JSON.parse(fixture('documented-errors.json')) as string[];
    expect(Object.keys(documentedErrorCodes).sort()).toEqual([...documented].sort());
    expect(new Set(Object.values(documentedErrorCodes)).size).toBe(documented.length);
  });

  it('reads the loose body exactly as documented', () => {
    expect(serverMessage(fixture('error-body.as-documented.txt'))).toBe('Unknown digital product ID.');
    expect(errorFromResponse(404, fixture('error-body.as-documented.txt')).code).toBe('VM_UNKNOWN_PRODUCT');
  });

  it.each([
    ['{"error":"No empty comments!"}', 'No empty comments!'],
    ["{ 'error': \"No UID specified.\" }", 'No UID specified.'],
    ['{ message: "Token is active on another digital product." }', 'Token is active on another digital product.'],
    ['"No newUid specified."', 'No newUid specified.'],
    ['Unknown token UID for the digital product.\n', 'Unknown token UID for the digital product.'],
    ['<html><body>Bad gateway</body></html>', undefined],
    ['', undefined],
  ])('serverMessage(%j)', (body, expected) => {
    expect(serverMessage(body)).toBe(expected);
  });

  it('maps status classes when the message is not documented', () => {
    expect(errorFromResponse(401, '').code).toBe('UNAUTHORIZED');
    expect(errorFromResponse(503, '<html>down</html>').code).toBe('SERVER_ERROR');
    const unknown = errorFromResponse(418, '{"error":"I am a teapot"}');
    expect(unknown.code).toBe('VM_UNKNOWN_ERROR');
    expect(unknown.details).toEqual({ status: 418, serverMessage: 'I am a teapot' });
  });

  it('clips a huge message', () => {
    expect(serverMessage('x'.repeat(10_000))!.length).toBeLessThanOrEqual(501);
  });
});
