import type { IncomingMessage } from 'node:http';
import { HttpError, readBody } from '../http.ts';
import { badRequest } from './errors.ts';

/** A parsed JSON request body. */
export type Params = Record<string, unknown>;

const badJson = (detail: string) =>
  badRequest('bad_json', `Could not parse request body as JSON: ${detail}`);

/** Reads a JSON object body as GoTrue's `retrieveRequestParams` does (empty body = `{}`). */
export async function readParams(req: IncomingMessage): Promise<Params> {
  let raw: string;
  try {
    raw = (await readBody(req, 1024 * 1024)).toString('utf8').trim();
  } catch (e) {
    if (e instanceof HttpError) throw badRequest('validation_failed', 'Request body too large');
    throw e;
  }
  if (raw === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw badJson((e as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badJson('json: cannot unmarshal into a Go value of type object');
  }
  return value as Params;
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
}

/** A string field; absent or null is `''` (Go's zero value); any other type is a `bad_json`. */
export function str(p: Params, key: string): string {
  const v = p[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    throw badJson(
      `json: cannot unmarshal ${typeName(v)} into Go struct field .${key} of type string`,
    );
  }
  return v;
}

/** An optional string field: `undefined` when absent or null (Go's `*string`). */
export function optStr(p: Params, key: string): string | undefined {
  return p[key] === undefined || p[key] === null ? undefined : str(p, key);
}

export function bool(p: Params, key: string, fallback = false): boolean {
  const v = p[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') {
    throw badJson(
      `json: cannot unmarshal ${typeName(v)} into Go struct field .${key} of type bool`,
    );
  }
  return v;
}

/** An optional JSON object field (`map[string]interface{}`); null is absent. */
export function obj(p: Params, key: string): Record<string, unknown> | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw badJson(
      `json: cannot unmarshal ${typeName(v)} into Go struct field .${key} of type map[string]interface {}`,
    );
  }
  return v as Record<string, unknown>;
}

// The same check as the `checkmail.ValidateFormat` GoTrue uses.
const EMAIL_FORMAT =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** GoTrue's `validateEmail`: required, at most 255 characters, well-formed; returned lower-cased. */
export function validateEmail(email: string): string {
  if (email === '') throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_FORMAT.test(email)) {
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  return email.toLowerCase();
}

/** GoTrue's `validatePhone`: E.164 digits without the plus, after removing formatting. */
export function validatePhone(phone: string): string {
  const formatted = phone.replace(/[\s+\-()]/g, '');
  if (!/^[1-9][0-9]{1,14}$/.test(formatted)) {
    throw badRequest('validation_failed', 'Invalid phone number format (E.164 required)');
  }
  return formatted;
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration (`"24h"`, `"1h30m"`, `"none"` = 0) into milliseconds, for `ban_duration`. */
export function parseBanDuration(text: string): number {
  if (text === 'none') return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw badRequest(
      'validation_failed',
      `invalid format for ban duration: time: invalid duration "${text}"`,
    );
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * (DURATION_UNITS[p[2] ?? ''] ?? 0), 0);
}

/** The `X-JWT-AUD` header, else the token's audience, else `authenticated` (GoTrue's `requestAud`). */
export function requestAud(req: IncomingMessage, tokenAud?: unknown): string {
  const header = req.headers['x-jwt-aud']?.toString();
  if (header) return header;
  const aud = Array.isArray(tokenAud) ? tokenAud[0] : tokenAud;
  return typeof aud === 'string' && aud !== '' ? aud : 'authenticated';
}
