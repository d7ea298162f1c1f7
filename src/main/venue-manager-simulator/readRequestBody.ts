import type { IncomingMessage } from 'node:http';

/** Thrown by readRequestBody once the whole body is read and it was over the limit (answer 413). */
export class RequestBodyTooLarge extends Error {}

/**
 * The request body as UTF-8. A body over `maxBytes` is read to the end (so the client gets the
 * answer rather than a reset) but not kept, and refused with RequestBodyTooLarge.
 */
export function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBytes) reject(new RequestBodyTooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
