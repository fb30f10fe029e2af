import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import { dropTemp, tempFile, type Disk } from './disk.ts';
import { ERRORS } from './errors.ts';

/** An upload received into a temp file, with what storage-api records about it. */
export interface ReceivedFile {
  tmp: string;
  size: number;
  /** Hex MD5 of the bytes (S3's ETag for a single-part upload). */
  md5: string;
  mimetype: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
}

/** Room for the form fields around the file in a multipart body. */
const MULTIPART_OVERHEAD = 1024 * 1024;
/** A body this far over the limit is cut off instead of read to its end. */
const DRAIN_ALLOWANCE = 64 * 1024 * 1024;

/**
 * Receives the body of an upload as storage-js sends it: multipart/form-data for Blob, File and
 * FormData bodies (fields `cacheControl`, `metadata` and one file part), the raw bytes otherwise
 * (with `content-type`, `cache-control` and base64 JSON `x-metadata` headers). `acceptMimeType`
 * may refuse the type as soon as it is known (as storage-api checks it before the size); bodies
 * over `limit` bytes are refused with EntityTooLarge. Nothing is left behind on any error.
 */
export async function receiveUpload(
  disk: Disk,
  req: IncomingMessage,
  limit: number,
  acceptMimeType: (mimeType: string) => void,
): Promise<ReceivedFile> {
  const contentType = req.headers['content-type'] ?? '';
  const tmp = await tempFile(disk);
  try {
    if (/^multipart\/form-data/i.test(contentType)) {
      return await receiveMultipart(req, tmp, limit, contentType, acceptMimeType);
    }
    acceptMimeType(contentType || 'application/octet-stream');
    return await receiveRaw(req, tmp, limit, contentType);
  } catch (e) {
    await dropTemp(tmp);
    throw e;
  }
}

/**
 * Reads and drops what is left of a request body, so a client still sending gets the error
 * response instead of a reset connection (bounded: a huge body is cut off).
 */
export async function drainRequest(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return;
  try {
    await consume(req, 0, () => {});
  } catch {
    // the client went away; there is nobody left to answer
  }
}

/**
 * Reads `req` chunk by chunk into `sink` until `limit` bytes, then keeps reading (and dropping)
 * so the client gets the error response instead of a reset connection.
 */
async function consume(
  req: IncomingMessage,
  limit: number,
  sink: (chunk: Buffer) => Promise<void> | void,
): Promise<{ size: number; tooLarge: boolean }> {
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit + DRAIN_ALLOWANCE) {
      req.destroy();
      break;
    }
    if (size <= limit) await sink(buf);
  }
  return { size, tooLarge: size > limit };
}

async function receiveRaw(
  req: IncomingMessage,
  tmp: string,
  limit: number,
  contentType: string,
): Promise<ReceivedFile> {
  const hash = createHash('md5');
  const out = createWriteStream(tmp);
  let received: { size: number; tooLarge: boolean };
  try {
    received = await consume(req, limit, async (chunk) => {
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    });
  } finally {
    out.end();
    await finished(out);
  }
  if (received.tooLarge) throw ERRORS.entityTooLarge();
  return {
    tmp,
    size: received.size,
    md5: hash.digest('hex'),
    mimetype: contentType || 'application/octet-stream',
    cacheControl: req.headers['cache-control'] ?? 'no-cache',
    userMetadata: parseMetadataHeader(req.headers['x-metadata']),
  };
}

async function receiveMultipart(
  req: IncomingMessage,
  tmp: string,
  limit: number,
  contentType: string,
  acceptMimeType: (mimeType: string) => void,
): Promise<ReceivedFile> {
  // Parsed in memory (capped at the limit) by the runtime's own multipart parser.
  const chunks: Buffer[] = [];
  const received = await consume(req, limit + MULTIPART_OVERHEAD, (chunk) => {
    chunks.push(chunk);
  });
  if (received.tooLarge) throw ERRORS.entityTooLarge();
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw ERRORS.noContent('Unexpected empty file received');
  }
  let file: File | undefined;
  for (const [, value] of form) {
    if (typeof value !== 'string') {
      file = value;
      break;
    }
  }
  if (!file) throw ERRORS.noContent('No file provided');
  acceptMimeType(file.type || 'application/octet-stream');
  if (file.size > limit) throw ERRORS.entityTooLarge();
  const bytes = Buffer.from(await file.arrayBuffer());
  await writeFile(tmp, bytes);
  const cacheTime = form.get('cacheControl');
  const metadata = form.get('metadata');
  return {
    tmp,
    size: bytes.length,
    md5: createHash('md5').update(bytes).digest('hex'),
    mimetype: file.type || 'application/octet-stream',
    cacheControl: typeof cacheTime === 'string' && cacheTime ? `max-age=${cacheTime}` : 'no-cache',
    userMetadata: typeof metadata === 'string' ? parseMetadata(metadata) : null,
  };
}

function parseMetadataHeader(
  header: string | string[] | undefined,
): Record<string, unknown> | null {
  if (typeof header !== 'string' || header === '') return null;
  return parseMetadata(Buffer.from(header, 'base64').toString('utf8'));
}

function parseMetadata(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // refused below
  }
  throw ERRORS.badRequest('Invalid Parameter metadata: it must be a JSON object');
}

/**
 * Whether `mimeType` is allowed by a bucket's `allowed_mime_types` (entries like `image/png` or
 * `image/*`), as storage-api checks it; parameters such as `;charset=UTF-8` are ignored.
 */
export function mustBeAllowedMimeType(mimeType: string, allowed: string[]): void {
  const [type, subtype] = (mimeType.split(';')[0] ?? '').trim().toLowerCase().split('/');
  if (type && subtype) {
    for (const entry of allowed) {
      const [allowedType, allowedSubtype] = entry.trim().toLowerCase().split('/');
      if (allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype)) return;
    }
  }
  throw ERRORS.invalidMimeType(mimeType);
}
