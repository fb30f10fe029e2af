import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context.ts';

/** An email to deliver once the request's transaction has committed. */
export interface OutgoingMail {
  to: string;
  subject: string;
  code: string;
}

/** What a handler gets: the request, the stack, and an outbox that is sent only on success. */
export interface AuthRequest {
  ctx: StackContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters, e.g. the user id of `/admin/users/:id`. */
  params: Record<string, string>;
  outbox: OutgoingMail[];
}

/** A handler's answer; the router sends it (and the outbox) after the handler has finished. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (r: AuthRequest) => Promise<Reply>;

export const json = (body: unknown, headers?: Record<string, string>): Reply => ({
  status: 200,
  body,
  headers,
});

/**
 * Where a rate limiter plugs in later: called before each handler with the bucket GoTrue limits
 * that endpoint under (`token`, `otp`, `verify`, `user`, ...). It throws an `AuthError` with
 * status 429 and code `over_request_rate_limit` to refuse. The default allows everything.
 */
export type RateLimit = (req: IncomingMessage, bucket: string) => void | Promise<void>;
export const noRateLimit: RateLimit = () => {};
