import type { ServiceHandler, StackContext } from '../context.ts';
import { sendJson } from '../http.ts';
import { createUser, deleteUser, getUserById, listUsers, updateUserById } from './admin.ts';
import { API_VERSION_HEADER, requestsApi2024, sendError, UNEXPECTED_FAILURE } from './errors.ts';
import { Mailbox, mailboxHandler } from './mailbox.ts';
import { otp, recover } from './otp.ts';
import { createAuthRateLimiter, LimitedOutbox, type AuthRateLimits } from './ratelimit.ts';
import {
  noRateLimit,
  type AuthRequest,
  type Handler,
  type RateLimit,
  type Reply,
} from './route.ts';
import { getUser, logout, updateUser } from './self.ts';
import { health, settings } from './settings.ts';
import { token } from './token.ts';
import { verify } from './verify.ts';

/** The GoTrue (Supabase Auth) HTTP API subset that `@supabase/auth-js` uses. */
export interface AuthService {
  /** Mounted at `/auth/v1`. */
  handle: ServiceHandler;
  /** The local mailbox page (sign-in codes), mounted at `/mailbox`. */
  mailbox: ServiceHandler;
}

export interface AuthOptions {
  /** An extra check before each rate-limited endpoint (throw an AuthError to refuse). */
  rateLimit?: RateLimit;
  /** Supabase's rate limits (see ratelimit.ts); none when left out (the test stacks). */
  limits?: AuthRateLimits | false;
}

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** GoTrue's rate-limit bucket for the endpoint, passed to the `RateLimit` seam. */
  bucket?: string;
  /** What GoTrue says when the database fails here. */
  failure?: string;
}

/** A route; `:id` in the path becomes the `id` parameter. */
function route(
  method: string,
  path: string,
  handler: Handler,
  bucket?: string,
  failure?: string,
): Route {
  const pattern = new RegExp(`^${path.replace(':id', '(?<id>[^/]+)')}$`);
  return { method, pattern, handler, bucket, failure };
}

// Buckets are GoTrue's rate-limit groups; failures are GoTrue's words for a database error there.
const ROUTES: Route[] = [
  route('GET', '/health', health),
  route('GET', '/settings', settings),
  route('POST', '/token', token, 'token', 'Database error querying schema'),
  route('POST', '/otp', otp, 'otp', 'Error sending magic link'),
  route('POST', '/recover', recover, 'recover', 'Error recovering user'),
  route('POST', '/verify', verify, 'verify'),
  route('GET', '/user', getUser),
  route('PUT', '/user', updateUser, 'user', 'Error updating user'),
  route('POST', '/logout', logout),
  route('GET', '/admin/users', listUsers, undefined, 'Database error finding users'),
  route('POST', '/admin/users', createUser, undefined, 'Database error creating new user'),
  route('GET', '/admin/users/:id', getUserById, undefined, 'Database error loading user'),
  route('PUT', '/admin/users/:id', updateUserById, undefined, 'Error updating user'),
  route('DELETE', '/admin/users/:id', deleteUser, undefined, 'Database error deleting user'),
];

/**
 * The Auth service of the local stack: the subset of GoTrue's HTTP API that `@supabase/auth-js`
 * uses, on the same `auth` tables and with the same tokens, error codes and error shapes as
 * Supabase Auth. Emails are not sent: their codes go to the in-memory mailbox and the log.
 */
export function createAuthService(ctx: StackContext, options: AuthOptions = {}): AuthService {
  const rateLimit = options.rateLimit ?? noRateLimit;
  const limiter = options.limits ? createAuthRateLimiter(options.limits, ctx.now) : undefined;
  const mailbox = new Mailbox((m) =>
    ctx.log(`[auth] "${m.subject}" to ${m.to}: code ${m.code}  (${ctx.apiUrl}/mailbox)`),
  );

  const handle: ServiceHandler = async (req, res, path, url) => {
    if (requestsApi2024(req)) res.setHeader(API_VERSION_HEADER, '2024-01-01');

    const normalized = path.length > 1 ? path.replace(/\/$/, '') : path;
    const matching = ROUTES.filter((r) => r.pattern.test(normalized));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      // What GoTrue's router answers for unknown paths and methods.
      res.writeHead(matching.length ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(matching.length ? '' : '404 page not found\n');
      return;
    }
    const r: AuthRequest = {
      ctx,
      req,
      res,
      url,
      params: { ...route.pattern.exec(normalized)?.groups },
      outbox:
        limiter && route.bucket
          ? new LimitedOutbox((m) => limiter.mail(route.bucket ?? '', m))
          : [],
    };
    let reply: Reply;
    try {
      if (route.bucket) {
        limiter?.request(req, route.bucket);
        await rateLimit(req, route.bucket);
      }
      reply = await route.handler(r);
    } catch (e) {
      sendError(req, res, e, ctx.log, route.failure ?? UNEXPECTED_FAILURE);
      return;
    }
    // Mail goes out only for committed work, so the mailbox never shows a code that is not stored.
    if (route.bucket) limiter?.sent(route.bucket, r.outbox);
    for (const m of r.outbox) mailbox.send(m.to, m.subject, m.code, new Date(ctx.now() * 1000));
    if (reply.status === 204) {
      res.writeHead(204, reply.headers);
      res.end();
    } else {
      sendJson(res, reply.status, reply.body, reply.headers);
    }
  };

  return { handle, mailbox: mailboxHandler(mailbox) };
}
