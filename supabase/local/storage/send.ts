import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ObjectMetadata } from './db.ts';
import { ERRORS, storageError } from './errors.ts';

export interface SendOptions {
  /** `?download=` of the request: a file name, '' for the object's own, undefined for inline. */
  download?: string | null | undefined;
  /** For signed URLs: the token's expiry, sent as `Expires` instead of `Cache-Control`. */
  expires?: Date | undefined;
}

/**
 * Sends an object's file with the headers storage-api's asset renderer sets (content type, ETag,
 * Last-Modified, Cache-Control or Expires, Content-Disposition for `?download`), honouring
 * `Range` and `If-None-Match`; a HEAD request gets the headers only.
 */
export async function sendObject(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  metadata: ObjectMetadata | null,
  opts: SendOptions = {},
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    // What storage-api answers when the row exists but the backend has no file.
    res.setHeader('cache-control', 'no-store');
    throw storageError(404, 'NoSuchKey', 'The resource was not found', 'Not found');
  }
  const size = info.size;
  const etag = metadata?.eTag ?? `"${info.mtimeMs.toString(16)}-${size.toString(16)}"`;
  const headers: Record<string, string | number> = {
    'accept-ranges': 'bytes',
    'content-type': normalizeContentType(metadata?.mimetype ?? 'application/octet-stream'),
    etag,
    'last-modified': new Date(metadata?.lastModified ?? info.mtime).toUTCString(),
  };
  if (opts.expires) headers.expires = opts.expires.toUTCString();
  else headers['cache-control'] = metadata?.cacheControl ?? 'no-cache';
  const disposition = contentDisposition(opts.download);
  if (disposition) headers['content-disposition'] = disposition;

  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }

  const range = parseRange(req.headers.range, size);
  let status = 200;
  let start = 0;
  let end = size - 1;
  if (range) {
    status = 206;
    [start, end] = range;
    headers['content-range'] = `bytes ${start}-${end}/${size}`;
  }
  headers['content-length'] = size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(file, { start, end }), res);
  } catch (e) {
    // A client that hangs up mid-download (a cancelled image load) is not an error of ours.
    if (!res.destroyed) throw e;
  }
}

/** storage-api never serves HTML as HTML from a bucket: it would run on the API's origin. */
function normalizeContentType(contentType: string): string {
  return contentType.includes('text/html') ? 'text/plain' : contentType;
}

function contentDisposition(download: string | null | undefined): string | undefined {
  if (download === undefined || download === null) return undefined;
  if (download === '') return 'attachment;';
  const name = encodeURIComponent(download);
  return `attachment; filename=${name}; filename*=UTF-8''${name};`;
}

/** A single `bytes=` range as [start, end] (inclusive), or undefined for the whole file. */
function parseRange(header: string | undefined, size: number): [number, number] | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) throw ERRORS.invalidRange();
  let start: number;
  let end: number;
  if (match[1] === '') {
    // A suffix range: the last N bytes.
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) throw ERRORS.invalidRange();
  return [start, end];
}
