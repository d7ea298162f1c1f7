import { Agent, errors as undiciErrors, request } from 'undici';
import { AppError } from '../../shared/errors';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpBytesResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

export interface HttpTimeouts {
  /** TCP + TLS connect. */
  connectMs: number;
  /** Whole request: connect, headers and body. */
  totalMs: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * One keep-alive connection pool per base URL, with hard time and size limits, turning every
 * transport failure into a typed AppError (NETWORK, TIMEOUT, BAD_RESPONSE).
 */
export class HttpTransport {
  private readonly agent: Agent;

  constructor(
    private readonly timeouts: HttpTimeouts,
    private readonly maxBodyBytes: number,
  ) {
    this.agent = new Agent({
      connect: { timeout: timeouts.connectMs },
      keepAliveTimeout: 10_000,
      connections: 8,
    });
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const response = await this.sendForBytes(req);
    return { status: response.status, headers: response.headers, body: response.bytes.toString('utf8') };
  }

  /** The body as bytes, for what is not text (product images). */
  async sendForBytes(req: HttpRequest): Promise<HttpBytesResponse> {
    const signal = AbortSignal.timeout(this.timeouts.totalMs);
    try {
      const response = await request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        dispatcher: this.agent,
        signal,
        headersTimeout: this.timeouts.totalMs,
        bodyTimeout: this.timeouts.totalMs,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        const buffer = chunk as Buffer;
        size += buffer.length;
        if (size > this.maxBodyBytes) {
          response.body.destroy();
          throw new AppError('BAD_RESPONSE', `Response larger than ${this.maxBodyBytes} bytes`, {
            status: response.statusCode,
          });
        }
        chunks.push(buffer);
      }
      return { status: response.statusCode, headers: response.headers, bytes: Buffer.concat(chunks) };
    } catch (error) {
      throw asTransportError(error, signal);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function asTransportError(error: unknown, signal: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  const cause = error instanceof Error ? error.message : String(error);
  if (
    signal.aborted ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  ) {
    return new AppError('TIMEOUT', 'Venue Manager did not answer in time', { cause });
  }
  return new AppError('NETWORK', 'Venue Manager could not be reached', { cause });
}
