import type { IncomingMessage } from 'node:http';
import { HttpError, readBody } from '../http.ts';
import { ERRORS } from './errors.ts';

export type JsonBody = Record<string, unknown>;

/** Reads a JSON object body; an empty body is `{}`. Errors are worded like Fastify's. */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  let raw: string;
  try {
    raw = (await readBody(req, 1024 * 1024)).toString('utf8').trim();
  } catch (e) {
    if (e instanceof HttpError && e.status === 413) throw ERRORS.entityTooLarge('request body');
    throw e;
  }
  if (raw === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw ERRORS.badRequest("Body is not valid JSON but content-type is set to 'application/json'");
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ERRORS.badRequest('body must be object');
  }
  return value as JsonBody;
}

/** A required string property. */
export function requiredString(body: JsonBody, key: string): string {
  const value = body[key];
  if (value === undefined || value === null) {
    throw ERRORS.badRequest(`body must have required property '${key}'`);
  }
  if (typeof value !== 'string') throw ERRORS.badRequest(`body/${key} must be string`);
  return value;
}

/** An optional string property. */
export function optionalString(body: JsonBody, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw ERRORS.badRequest(`body/${key} must be string`);
  return value;
}

/** An optional integer property of at least `min`. */
export function optionalInteger(body: JsonBody, key: string, min: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw ERRORS.badRequest(`body/${key} must be integer`);
  }
  if (value < min) throw ERRORS.badRequest(`body/${key} must be >= ${min}`);
  return value;
}

/** A required integer property of at least `min`. */
export function requiredInteger(body: JsonBody, key: string, min: number): number {
  const value = optionalInteger(body, key, min);
  if (value === undefined) throw ERRORS.badRequest(`body must have required property '${key}'`);
  return value;
}

/** A required array of strings with `min`..`max` items. */
export function stringArray(body: JsonBody, key: string, min: number, max: number): string[] {
  const value = body[key];
  if (value === undefined || value === null) {
    throw ERRORS.badRequest(`body must have required property '${key}'`);
  }
  if (!Array.isArray(value)) throw ERRORS.badRequest(`body/${key} must be array`);
  if (value.length < min) {
    throw ERRORS.badRequest(`body/${key} must NOT have fewer than ${min} items`);
  }
  if (value.length > max) {
    throw ERRORS.badRequest(`body/${key} must NOT have more than ${max} items`);
  }
  value.forEach((item, i) => {
    if (typeof item !== 'string') throw ERRORS.badRequest(`body/${key}/${i} must be string`);
  });
  return value as string[];
}

/** One of the allowed values, or the default when absent. */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  where: string,
): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  throw ERRORS.badRequest(`${where} must be equal to one of the allowed values`);
}
