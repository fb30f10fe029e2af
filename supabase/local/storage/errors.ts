import pg from 'pg';
import { HttpError } from '../http.ts';

/**
 * An error as storage-api renders it: the HTTP status is 400 for every client error (500 stays
 * 500); the real status travels as the string `statusCode`, which storage-js exposes as
 * `error.statusCode`. `error` is the legacy name ("Duplicate", "not_found"), else the code.
 */
export function storageError(
  httpStatusCode: number,
  code: string,
  message: string,
  error: string = code,
  status: number = httpStatusCode === 500 ? 500 : 400,
): HttpError {
  return new HttpError(status, { statusCode: String(httpStatusCode), code, error, message });
}

/** The errors of storage-api's `ERRORS` table that this subset can raise. */
export const ERRORS = {
  noSuchBucket: () => storageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => storageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  accessDenied: (message: string) =>
    storageError(403, 'AccessDenied', message || 'Access denied', 'Unauthorized'),
  alreadyExists: () =>
    storageError(409, 'ResourceAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketNotEmpty: () =>
    storageError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  invalidJwt: (message: string) => storageError(400, 'InvalidJWT', message || 'Invalid JWT'),
  invalidSignature: () => storageError(400, 'InvalidSignature', 'Invalid signature'),
  invalidKey: (key: string, why: string) =>
    storageError(400, 'InvalidKey', `Invalid key: ${JSON.stringify(key)}: ${why}`),
  invalidBucketName: () =>
    storageError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
  invalidFileSizeLimit: () =>
    storageError(
      400,
      'InvalidRequest',
      'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B',
    ),
  entityTooLarge: (entity = 'object') =>
    storageError(
      413,
      'EntityTooLarge',
      `The ${entity} exceeded the maximum allowed size`,
      'Payload too large',
    ),
  invalidMimeType: (mimeType: string) =>
    storageError(
      415,
      'InvalidMimeType',
      `mime type ${mimeType} is not supported`,
      'invalid_mime_type',
    ),
  invalidRange: () => storageError(400, 'InvalidRange', 'invalid range provided', 'invalid_range'),
  noContent: (message = 'No content provided') => storageError(400, 'InvalidRequest', message),
  /** A request that fails the route's schema, worded like Fastify's validation messages. */
  badRequest: (message: string) => storageError(400, 'InvalidRequest', message, 'Bad Request'),
  internal: (message = 'Internal server error') => storageError(500, 'InternalError', message),
};

/** Maps a Postgres error to storage-api's answer for it (its `DBError.fromDBError`). */
export function fromPgError(e: unknown): unknown {
  if (!(e instanceof pg.DatabaseError)) return e;
  switch (e.code) {
    case '42501':
      return ERRORS.accessDenied(
        e.message.includes('row-level security')
          ? 'new row violates row-level security policy'
          : e.message,
      );
    case '23505':
      return ERRORS.alreadyExists();
    case '23503':
      return storageError(404, 'InvalidRequest', 'The related resource does not exist');
    case '55P03':
      return storageError(423, 'ResourceLocked', 'The resource is locked');
    case '57014':
      return storageError(
        544,
        'DatabaseTimeout',
        'The connection to the database timed out',
        'DatabaseTimeout',
        544,
      );
    case '22P02':
      return storageError(400, 'InvalidParameter', e.message);
    default:
      return storageError(500, 'DatabaseError', `database error, code: ${e.code}`);
  }
}
