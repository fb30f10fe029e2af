import type { IncomingMessage } from 'node:http';
import { AuthError } from './errors.ts';
import type { OutgoingMail } from './route.ts';

/**
 * Supabase Auth's rate limits (config.toml `[auth.rate_limit]` and the hosted defaults): per IP
 * address, token buckets that hold `n` requests and refill over the window; project-wide, emails
 * per hour; per address, one email a minute.
 */
export interface AuthRateLimits {
  /** Password sign-ins per 5 minutes per IP (`sign_in_sign_ups`, default 30). */
  signIns: number;
  /** Refresh-token grants per 5 minutes per IP (`token_refresh`, default 150). */
  tokenRefreshes: number;
  /** Code and link verifications per 5 minutes per IP (`token_verifications`, default 30). */
  verifications: number;
  /** Sign-in codes (`/otp`) per hour, project-wide (`rate_limit_otp`, default 30). */
  otpsPerHour: number;
  /** Other emails (recovery, email change) per hour, project-wide (`email_sent`, default 2). */
  emailsPerHour: number;
  /** Seconds before the same address can be sent another email (default 60). */
  emailIntervalSeconds: number;
}

export const SUPABASE_RATE_LIMITS: AuthRateLimits = {
  signIns: 30,
  tokenRefreshes: 150,
  verifications: 30,
  otpsPerHour: 30,
  emailsPerHour: 2,
  emailIntervalSeconds: 60,
};

const FIVE_MINUTES = 300;
const HOUR = 3600;

/** What GoTrue answers when an IP bucket is empty. */
export const overRequestRateLimit = () =>
  new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
/** What GoTrue answers when the project's email quota is used up. */
export const overEmailSendRateLimit = () =>
  new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded');

/** A token bucket: holds `capacity` requests, refills completely over `windowSeconds`. */
class Buckets {
  private readonly levels = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly windowSeconds: number,
  ) {}

  /** Takes `n` tokens for `key` at time `now` (seconds); false when there are not enough. */
  take(key: string, now: number, n = 1, commit = true): boolean {
    const rate = this.capacity / this.windowSeconds;
    const last = this.levels.get(key) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, last.tokens + (now - last.at) * rate);
    if (tokens < n) {
      this.levels.set(key, { tokens, at: now });
      return false;
    }
    if (commit) this.levels.set(key, { tokens: tokens - n, at: now });
    return true;
  }
}

/** The caller's address as the socket sees it (forwarded headers are not trusted). */
function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export interface AuthRateLimiter {
  /** Before a handler: refuses with 429 when the caller's bucket for this endpoint is empty. */
  request(req: IncomingMessage, bucket: string): void;
  /** While a handler queues an email: refuses with 429 when the quota or interval forbids it. */
  mail(bucket: string, mail: OutgoingMail): void;
  /** After a handler committed: counts the emails that went out. */
  sent(bucket: string, mails: readonly OutgoingMail[]): void;
}

/** Supabase's auth rate limits over an injectable clock (seconds). */
export function createAuthRateLimiter(limits: AuthRateLimits, now: () => number): AuthRateLimiter {
  const signIns = new Buckets(limits.signIns, FIVE_MINUTES);
  const refreshes = new Buckets(limits.tokenRefreshes, FIVE_MINUTES);
  const verifications = new Buckets(limits.verifications, FIVE_MINUTES);
  const otps = new Buckets(limits.otpsPerHour, HOUR);
  const emails = new Buckets(limits.emailsPerHour, HOUR);
  const lastMail = new Map<string, number>();
  const quota = (bucket: string) => (bucket === 'otp' ? otps : emails);

  return {
    request(req, bucket) {
      const ip = clientIp(req);
      let ok = true;
      if (bucket === 'token') {
        const grant = new URL(req.url ?? '/', 'http://x').searchParams.get('grant_type');
        ok =
          grant === 'refresh_token'
            ? refreshes.take(ip, now())
            : grant === 'password'
              ? signIns.take(ip, now())
              : true;
      } else if (bucket === 'verify') {
        ok = verifications.take(ip, now());
      }
      if (!ok) throw overRequestRateLimit();
    },
    mail(bucket, mail) {
      const t = now();
      const previous = lastMail.get(mail.to.toLowerCase());
      if (previous !== undefined && t - previous < limits.emailIntervalSeconds) {
        const wait = Math.ceil(limits.emailIntervalSeconds - (t - previous));
        throw new AuthError(
          429,
          'over_email_send_rate_limit',
          `For security purposes, you can only request this after ${wait} seconds.`,
        );
      }
      if (!quota(bucket).take('project', t, 1, false)) throw overEmailSendRateLimit();
    },
    sent(bucket, mails) {
      const t = now();
      for (const m of mails) {
        lastMail.set(m.to.toLowerCase(), t);
        quota(bucket).take('project', t);
      }
    },
  };
}

/**
 * The outbox a handler queues emails in, asking the limiter first: a refused email fails the
 * request before its transaction commits, so no code is stored that never went out.
 */
export class LimitedOutbox extends Array<OutgoingMail> {
  static override get [Symbol.species]() {
    return Array;
  }

  constructor(private readonly check: (mail: OutgoingMail) => void) {
    super();
  }

  override push(...mails: OutgoingMail[]): number {
    for (const m of mails) this.check(m);
    return super.push(...mails);
  }
}
