import { z } from 'zod';

/*
 * The JSON bodies the API documents. Unknown keys are ignored (as a PHP server would);
 * `null` is read as "absent". A body that is not JSON, not an object, or has a field of the
 * wrong type is refused with 400 — undocumented, our guess (the documented 403s are about
 * missing/empty values, which pass through here as `undefined` or "").
 */

const ReasonBody = z.object({ reason: z.string().nullish() });
const CommentBody = z.object({ comment: z.string().nullish() });

export type BodyResult<T> = { ok: true; value: T } | { ok: false; error: string };

function parseJsonObject(raw: string): BodyResult<unknown> {
  // The reason is optional, and clients may send no body at all.
  if (raw.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'Malformed JSON body.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'The body must be a JSON object.' };
  }
  return { ok: true, value };
}

function parseWith<T>(raw: string, schema: z.ZodType<T>, field: string): BodyResult<T> {
  const json = parseJsonObject(raw);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `Invalid ${field}.` };
}

/** Body of add/block/replace: `{ "reason": "..." }`, optional. */
export function parseReasonBody(raw: string): BodyResult<{ reason: string | undefined }> {
  const parsed = parseWith(raw, ReasonBody, 'reason');
  return parsed.ok ? { ok: true, value: { reason: parsed.value.reason ?? undefined } } : parsed;
}

/** Body of comment: `{ "comment": "..." }`; a missing comment is the documented 403, not a 400. */
export function parseCommentBody(raw: string): BodyResult<{ comment: string | undefined }> {
  const parsed = parseWith(raw, CommentBody, 'comment');
  return parsed.ok ? { ok: true, value: { comment: parsed.value.comment ?? undefined } } : parsed;
}
