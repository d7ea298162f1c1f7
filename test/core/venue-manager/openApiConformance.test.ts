import { describe, expect, it } from 'vitest';
import { specProblems } from '../../support/openApiConformance';

// The conformance check guards every client test: it must be able to say no.
describe('specProblems', () => {
  const json = { 'content-type': 'application/json' };
  it('accepts documented requests', () => {
    expect(specProblems({ method: 'GET', path: '/products', query: { name: 'A*', customerId: '12' }, headers: {}, body: '' })).toEqual([]);
    expect(specProblems({ method: 'PUT', path: '/products/457/tokens/04AA', query: { newUid: '04BB' }, headers: json, body: '{"reason":"r"}' })).toEqual([]);
  });
  it.each([
    [{ method: 'GET', path: '/nope', query: {}, headers: {}, body: '' }, 'matches no path'],
    [{ method: 'PATCH', path: '/products/1', query: {}, headers: {}, body: '' }, 'is not an operation'],
    [{ method: 'GET', path: '/products/abc', query: {}, headers: {}, body: '' }, 'is not a number'],
    [{ method: 'GET', path: '/products', query: { nickname: 'x' }, headers: {}, body: '' }, 'is not declared'],
    [{ method: 'GET', path: '/products', query: { orderId: '12x' }, headers: {}, body: '' }, 'is not a number'],
    [{ method: 'PUT', path: '/products/1/tokens/04AA', query: {}, headers: json, body: '{"reason":"r"}' }, 'newUid is missing'],
    [{ method: 'POST', path: '/products/1/comment', query: {}, headers: json, body: '' }, 'body is required'],
    [{ method: 'POST', path: '/products/1/comment', query: {}, headers: json, body: '{"text":"x"}' }, 'comment is missing'],
    [{ method: 'DELETE', path: '/products/1/tokens/04AA', query: {}, headers: json, body: '{"reason":5}' }, 'is not a string'],
    [{ method: 'DELETE', path: '/products/1/tokens/04AA', query: {}, headers: {}, body: '{"reason":"r"}' }, 'application/json'],
  ])('refuses %j', (request, problem) => {
    expect(specProblems(request).join('; ')).toContain(problem);
  });
});
