import path from 'node:path';
import { ERRORS } from './errors.ts';

/** Bucket names storage-api accepts (its `isValidBucketName`), at most 100 characters. */
const BUCKET_NAME = /^(\w|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

/** Throws storage-api's "Bucket name invalid" unless `name` can be a bucket id on disk too. */
export function mustBeValidBucketName(name: unknown): asserts name is string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 100 ||
    !BUCKET_NAME.test(name) ||
    name === '.' ||
    name === '..'
  ) {
    throw ERRORS.invalidBucketName();
  }
}

/** Characters XML 1.0 cannot carry, which storage-api refuses in keys (its `isValidKey`). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const INVALID_KEY_CHARS = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/**
 * Why `key` cannot name an object on disk, or undefined when it can. Beyond storage-api's own
 * rule this refuses what would let a key leave its bucket folder or collide with another key
 * on the file system: absolute paths, `.`/`..` segments, empty segments, NUL, backslashes.
 */
export function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'the object name is empty';
  if (key.includes('\0')) return 'the object name contains a NUL character';
  if (INVALID_KEY_CHARS.test(key)) return 'the object name contains invalid characters';
  if (key.includes('\\')) return 'backslashes are not allowed in object names';
  if (key.startsWith('/')) return 'the object name must not be an absolute path';
  for (const segment of key.split('/')) {
    if (segment === '') return 'the object name must not contain empty path segments';
    if (segment === '.' || segment === '..') {
      return 'path segments "." and ".." are not allowed';
    }
  }
  return undefined;
}

/** Throws a 400 InvalidKey naming the problem unless `key` is a safe object name. */
export function mustBeValidKey(key: string): void {
  const problem = keyProblem(key);
  if (problem) throw ERRORS.invalidKey(key, problem);
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw ERRORS.badRequest(`The ${what} is not valid URL encoding`);
  }
}

/**
 * Splits the (still URL-encoded) rest of a route, `<bucket>/<key>`, into a valid bucket name and
 * object key. Decoding happens here, after routing, so `%2F..%2F` cannot slip past the checks.
 */
export function parseObjectPath(rest: string): { bucket: string; key: string } {
  const slash = rest.indexOf('/');
  if (slash <= 0) throw ERRORS.badRequest("params must have required property '*'");
  const bucket = decode(rest.slice(0, slash), 'bucket name');
  const key = decode(rest.slice(slash + 1), 'object name');
  mustBeValidBucketName(bucket);
  mustBeValidKey(key);
  return { bucket, key };
}

/** Decodes and validates a bucket name taken from a route. */
export function parseBucket(raw: string): string {
  const bucket = decode(raw, 'bucket name');
  mustBeValidBucketName(bucket);
  return bucket;
}

/**
 * The file of an object: `<root>/<bucket>/<key>`. Validates again and checks the result stays
 * inside the bucket folder, so no caller can build a path outside the storage root.
 */
export function objectFile(root: string, bucket: string, key: string): string {
  mustBeValidBucketName(bucket);
  mustBeValidKey(key);
  const bucketDir = path.resolve(root, bucket);
  const file = path.resolve(bucketDir, ...key.split('/'));
  if (!file.startsWith(bucketDir + path.sep)) {
    throw ERRORS.invalidKey(key, 'the object name leaves its bucket');
  }
  return file;
}

/** The folder of a bucket's files. */
export function bucketDir(root: string, bucket: string): string {
  mustBeValidBucketName(bucket);
  return path.resolve(root, bucket);
}
