import type { z } from 'zod';
import { AppError, fieldIssues } from '../../shared/errors';
import { SearchCriteria, searchCriteriaOrder } from '../../shared/search';
import { errorFromResponse } from './ErrorBody';
import { HttpTransport } from './HttpTransport';
import type { HttpRequest, HttpResponse } from './HttpTransport';
import { WireProductHistory, WireSearchResponse } from './wireSchemas';
import type { WireCustomer, WireProductHistory as ProductHistory } from './wireSchemas';

export interface RequestOutcome {
  ok: boolean;
  /** Set when the request failed: the AppError code. */
  code?: string;
  latencyMs: number;
}

export interface VenueManagerClientOptions {
  /** e.g. https://festival.admin.venuemanager.net/api/digital_product (no trailing slash needed). */
  baseUrl: string;
  /** Read at every request, so new credentials apply without a restart. */
  authHeaders: () => Record<string, string>;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBodyBytes?: number;
  /** Extra attempts for GETs after network errors, timeouts and 5xx. Writes are never retried here. */
  getRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Every request's outcome, for the connectivity tracker. */
  onOutcome?: (outcome: RequestOutcome) => void;
}

const retryable = new Set(['NETWORK', 'TIMEOUT', 'SERVER_ERROR']);

/** The Venue Manager DigitalProduct API, typed, validated, with documented errors as codes. */
export class VenueManagerClient {
  private readonly http: HttpTransport;
  private readonly base: string;

  constructor(private readonly options: VenueManagerClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.http = new HttpTransport(
      { connectMs: options.connectTimeoutMs ?? 5_000, totalMs: options.totalTimeoutMs ?? 15_000 },
      options.maxBodyBytes ?? 16 * 1024 * 1024,
    );
  }

  /** Where requests go (without a trailing slash). */
  get baseUrl(): string {
    return this.base;
  }

  /** GET /products: customers with their orders and digital products. */
  async search(criteria: SearchCriteria): Promise<WireCustomer[]> {
    const parsed = SearchCriteria.safeParse(criteria);
    if (!parsed.success) {
      const noCriteria = parsed.error.issues.some((issue) => issue.message.startsWith('at least one'));
      throw new AppError(noCriteria ? 'VM_NO_CRITERIA' : 'INVALID_REQUEST', parsed.error.issues[0]?.message ?? 'invalid search', {
        issues: fieldIssues(parsed.error),
      });
    }
    const query = new URLSearchParams();
    for (const key of searchCriteriaOrder) {
      const value = parsed.data[key];
      if (value !== undefined) query.append(key, value);
    }
    const response = await this.get(`/products?${query.toString()}`);
    if (response.status === 400 && parsed.data.quick_search !== undefined) {
      const error = errorFromResponse(response.status, response.body, retryAfterHeader(response));
      if (error.code !== 'VM_NO_CRITERIA') {
        throw new AppError('QUICK_SEARCH_UNSUPPORTED', 'This Venue Manager does not offer quick search', error.details);
      }
    }
    return this.parse(response, WireSearchResponse);
  }

  /** GET /products/{id}: the complete history of one digital product. */
  async productHistory(digitalProductId: number): Promise<ProductHistory> {
    const response = await this.get(`/products/${productSegment(digitalProductId)}`);
    return this.parse(response, WireProductHistory);
  }

  /** POST /products/{id}/tokens?uid=: attaches a wristband to a product without an active one. */
  async addToken(digitalProductId: number, uid: string, reason: string): Promise<void> {
    const query = new URLSearchParams({ uid: requireText(uid, 'VM_NO_UID', 'A wristband UID is needed') });
    await this.write('POST', `/products/${productSegment(digitalProductId)}/tokens?${query.toString()}`, {
      reason: requireReason(reason),
    });
  }

  /** DELETE /products/{id}/tokens/{uid}: blocks a wristband (lost, stolen). */
  async blockToken(digitalProductId: number, uid: string, reason: string): Promise<void> {
    const token = encodeURIComponent(requireText(uid, 'VM_NO_UID', 'A wristband UID is needed'));
    await this.write('DELETE', `/products/${productSegment(digitalProductId)}/tokens/${token}`, {
      reason: requireReason(reason),
    });
  }

  /** PUT /products/{id}/tokens/{uid}?newUid=: blocks the old wristband and attaches the new one. */
  async replaceToken(digitalProductId: number, uid: string, newUid: string, reason: string): Promise<void> {
    const token = encodeURIComponent(requireText(uid, 'VM_NO_UID', 'The old wristband UID is needed'));
    const query = new URLSearchParams({ newUid: requireText(newUid, 'VM_NO_NEW_UID', 'The new wristband UID is needed') });
    await this.write('PUT', `/products/${productSegment(digitalProductId)}/tokens/${token}?${query.toString()}`, {
      reason: requireReason(reason),
    });
  }

  /** POST /products/{id}/comment: an internal note on an active product. */
  async comment(digitalProductId: number, comment: string): Promise<void> {
    await this.write('POST', `/products/${productSegment(digitalProductId)}/comment`, {
      comment: requireText(comment, 'VM_EMPTY_COMMENT', 'A comment cannot be empty'),
    });
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async get(pathAndQuery: string): Promise<HttpResponse> {
    const retries = this.options.getRetries ?? 2;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.send({ method: 'GET', url: this.base + pathAndQuery, headers: {} });
        if (response.status >= 500) throw errorFromResponse(response.status, response.body, retryAfterHeader(response));
        return response;
      } catch (error) {
        if (!(error instanceof AppError) || !retryable.has(error.code) || attempt >= retries) throw error;
        // Full jitter: spreads the retries of many desks after a shared outage.
        const cap = 250 * 2 ** attempt;
        await (this.options.sleep ?? delay)(Math.floor((this.options.random ?? Math.random)() * cap));
      }
    }
  }

  /**
   * Sent once: the API has no idempotency keys, so a write whose answer was lost must be checked
   * against the server's state (the outbox does that), never blindly repeated here.
   */
  private async write(method: 'POST' | 'PUT' | 'DELETE', pathAndQuery: string, body: Record<string, string>): Promise<void> {
    const response = await this.send({
      method,
      url: this.base + pathAndQuery,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status < 200 || response.status >= 300) throw errorFromResponse(response.status, response.body, retryAfterHeader(response));
  }

  private async send(req: HttpRequest): Promise<HttpResponse> {
    const now = this.options.now ?? Date.now;
    const started = now();
    const headers = { accept: 'application/json', ...this.options.authHeaders(), ...req.headers };
    try {
      const response = await this.http.send({ ...req, headers });
      const failed = response.status === 401 || response.status >= 500;
      this.options.onOutcome?.({
        ok: !failed,
        ...(failed ? { code: response.status === 401 ? 'UNAUTHORIZED' : 'SERVER_ERROR' } : {}),
        latencyMs: now() - started,
      });
      return response;
    } catch (error) {
      this.options.onOutcome?.({
        ok: false,
        code: error instanceof AppError ? error.code : 'NETWORK',
        latencyMs: now() - started,
      });
      throw error;
    }
  }

  private parse<S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S> {
    if (response.status < 200 || response.status >= 300) throw errorFromResponse(response.status, response.body, retryAfterHeader(response));
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw new AppError('BAD_RESPONSE', 'Venue Manager sent a body that is not JSON', {
        status: response.status,
        sample: response.body.slice(0, 200),
      });
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      throw new AppError('BAD_RESPONSE', 'Venue Manager sent data of an unexpected shape', {
        issues: fieldIssues(result.error).slice(0, 5),
      });
    }
    return result.data;
  }
}

function productSegment(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new AppError('INVALID_REQUEST', 'A digital product id is a whole number');
  return String(id);
}

function requireText(value: string, code: 'VM_NO_UID' | 'VM_NO_NEW_UID' | 'VM_EMPTY_COMMENT', message: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new AppError(code, message);
  return trimmed;
}

/** The API takes the reason as optional; the desk always gives one, for the audit and the server. */
function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw new AppError('INVALID_REQUEST', 'A reason is needed', { field: 'reason' });
  if (trimmed.length > 1000) throw new AppError('INVALID_REQUEST', 'The reason is longer than 1000 characters', { field: 'reason' });
  return trimmed;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryAfterHeader(response: HttpResponse): string | undefined {
  const value = response.headers['retry-after'];
  return Array.isArray(value) ? value[0] : value;
}
