import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';

/** The header auth-js sends (and GoTrue echoes) to ask for the 2024-01-01 error shape. */
export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = Date.parse('2024-01-01T00:00:00Z');

/** GoTrue's message for failures it has no better words for. */
export const UNEXPECTED_FAILURE =
  'Unexpected failure, please check server logs for more information';

/** An error GoTrue answers with its `HTTPError` shape. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Set for `weak_password`: which rules the password broke. */
    readonly reasons?: string[],
  ) {
    super(message);
  }
}

/** An OAuth2-style error (`{error, error_description}`), which GoTrue sends regardless of version. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

/**
 * Thrown from inside a transaction when the writes made so far must be kept although the request
 * fails (GoTrue's `storage.NewCommitWithError`), e.g. revoking a token family on reuse.
 */
export class CommitWithError extends Error {
  constructor(readonly inner: AuthError) {
    super(inner.message);
  }
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const unauthorized = (code: string, message: string) => new AuthError(401, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const internal = (message: string) => new AuthError(500, 'unexpected_failure', message);

/** GoTrue's `WeakPasswordError`. */
export function weakPassword(message: string, reasons: string[]): AuthError {
  return new AuthError(422, 'weak_password', message, reasons);
}

/**
 * Which response shape the caller asked for: GoTrue answers `{code, error_code, msg}` by default
 * and `{code, message}` to clients that send `X-Supabase-Api-Version: 2024-01-01` (auth-js does).
 */
export function requestsApi2024(req: IncomingMessage): boolean {
  const header = req.headers[API_VERSION_HEADER]?.toString();
  if (!header || !/^\d{4}-\d{2}-\d{2}$/.test(header)) return false;
  const at = Date.parse(`${header}T00:00:00Z`);
  return Number.isFinite(at) && at >= API_VERSION_2024;
}

/**
 * Sends `err` the way GoTrue's `HandleResponseError` does. Anything that is not one of the errors
 * above is logged (with its stack, for the developer) and answered with a bare 500: no internals
 * reach the client. `failure` is the message GoTrue uses for a database failure at that point.
 */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  err: unknown,
  log: (message: string) => void,
  failure = UNEXPECTED_FAILURE,
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const v2024 = requestsApi2024(req);
  if (err instanceof CommitWithError) err = err.inner;
  if (err instanceof OAuthError) {
    sendJson(res, 400, { error: err.error, error_description: err.description });
    return;
  }
  if (!(err instanceof AuthError)) {
    log(
      `[auth] ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    err = internal(failure);
  }
  const e = err as AuthError;
  if (v2024) {
    const body: Record<string, unknown> = { code: e.code, message: e.message };
    if (e.reasons) body.weak_password = { reasons: e.reasons };
    sendJson(res, e.status, body);
    return;
  }
  const body: Record<string, unknown> = { code: e.status, error_code: e.code, msg: e.message };
  if (e.status >= 500) body.error_id = randomUUID();
  if (e.reasons) body.weak_password = { reasons: e.reasons };
  sendJson(res, e.status, body);
}
