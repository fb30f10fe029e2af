/**
 * Image metadata for the "no metadata leaves the phone" tests: writers that put EXIF (with GPS,
 * camera and time), XMP and text chunks into real JPEG, PNG and WebP files, and a reader that
 * lists the metadata a file carries by walking its markers and chunks.
 */
import { deflateSync } from 'node:zlib';

/** Strings planted in the metadata: none of them may reach the server. */
export const PLANTED = {
  make: 'BuurtpeilTestCam',
  model: 'Model-X-GPS',
  dateTime: '2026:03:14 15:09:26',
  xmp: 'xmp-secret-location-Hoogeveen',
  text: 'text-chunk-secret-De-Vries',
} as const;

/** Latitude and longitude planted in the GPS IFD (Hoogeveen centre). */
const GPS = { lat: [52, 43, 29] as const, lon: [6, 28, 44] as const };

/** One TIFF IFD entry, big-endian. */
interface Entry {
  tag: number;
  type: 2 | 4 | 5; // ASCII, LONG, RATIONAL
  /** ASCII text, a LONG, or RATIONAL numerators (denominator 1). */
  value: string | number | readonly number[];
}

/**
 * A big-endian TIFF block as EXIF carries it: IFD0 (camera, time, pointers) → Exif IFD
 * (DateTimeOriginal) and GPS IFD (latitude and longitude with their references).
 */
export function exifTiff(): Buffer {
  const ifds: Entry[][] = [
    [
      { tag: 0x010f, type: 2, value: PLANTED.make },
      { tag: 0x0110, type: 2, value: PLANTED.model },
      { tag: 0x0132, type: 2, value: PLANTED.dateTime },
      { tag: 0x8769, type: 4, value: 0 }, // Exif IFD pointer, patched below
      { tag: 0x8825, type: 4, value: 0 }, // GPS IFD pointer, patched below
    ],
    [{ tag: 0x9003, type: 2, value: PLANTED.dateTime }],
    [
      { tag: 0x0001, type: 2, value: 'N' },
      { tag: 0x0002, type: 5, value: GPS.lat },
      { tag: 0x0003, type: 2, value: 'E' },
      { tag: 0x0004, type: 5, value: GPS.lon },
    ],
  ];
  const sizeOf = (e: Entry) =>
    e.type === 2 ? String(e.value).length + 1 : e.type === 4 ? 4 : (e.value as number[]).length * 8;
  // Layout: header (8), then each IFD followed by its out-of-line data.
  const offsets: number[] = [];
  let at = 8;
  for (const ifd of ifds) {
    offsets.push(at);
    at += 2 + ifd.length * 12 + 4;
    for (const e of ifd) if (sizeOf(e) > 4) at += sizeOf(e) + (sizeOf(e) % 2);
  }
  ifds[0]![3]!.value = offsets[1]!;
  ifds[0]![4]!.value = offsets[2]!;
  const buf = Buffer.alloc(at);
  buf.write('MM', 0, 'latin1');
  buf.writeUInt16BE(42, 2);
  buf.writeUInt32BE(8, 4);
  ifds.forEach((ifd, i) => {
    let p = offsets[i]!;
    let data = p + 2 + ifd.length * 12 + 4;
    buf.writeUInt16BE(ifd.length, p);
    p += 2;
    for (const e of ifd) {
      const size = sizeOf(e);
      const count = e.type === 2 ? size : e.type === 4 ? 1 : (e.value as number[]).length;
      buf.writeUInt16BE(e.tag, p);
      buf.writeUInt16BE(e.type, p + 2);
      buf.writeUInt32BE(count, p + 4);
      const target = size > 4 ? data : p + 8;
      if (size > 4) buf.writeUInt32BE(data, p + 8);
      if (e.type === 2) buf.write(`${String(e.value)}\0`, target, 'latin1');
      else if (e.type === 4) buf.writeUInt32BE(e.value as number, target);
      else
        (e.value as number[]).forEach((n, k) => {
          buf.writeUInt32BE(n, target + k * 8);
          buf.writeUInt32BE(1, target + k * 8 + 4);
        });
      if (size > 4) data += size + (size % 2);
      p += 12;
    }
    buf.writeUInt32BE(0, p); // no next IFD
  });
  return buf;
}

const XMP_NS = 'http://ns.adobe.com/xap/1.0/\0';
const xmpPacket = () =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,43.48N">` +
  `${PLANTED.xmp}</rdf:Description></rdf:RDF></x:xmpmeta>`;

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A JPEG with APP1 Exif (GPS, camera, time), APP1 XMP and a COM comment after its SOI. */
export function jpegWithMetadata(jpeg: Buffer): Buffer {
  if (jpeg.readUInt16BE(0) !== 0xffd8) throw new Error('not a JPEG');
  return Buffer.concat([
    jpeg.subarray(0, 2),
    jpegSegment(0xffe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff()])),
    jpegSegment(0xffe1, Buffer.from(XMP_NS + xmpPacket(), 'latin1')),
    jpegSegment(0xfffe, Buffer.from(PLANTED.text, 'latin1')),
    jpeg.subarray(2),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG with tEXt, zTXt, iTXt (XMP) and eXIf chunks after its IHDR. */
export function pngWithMetadata(png: Buffer): Buffer {
  const ihdrEnd = 8 + 8 + png.readUInt32BE(8) + 4;
  return Buffer.concat([
    png.subarray(0, ihdrEnd),
    pngChunk('tEXt', Buffer.from(`Comment\0${PLANTED.text}`, 'latin1')),
    pngChunk(
      'zTXt',
      Buffer.concat([Buffer.from('Author\0\0', 'latin1'), deflateSync(PLANTED.text)]),
    ),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmpPacket()}`, 'utf8')),
    pngChunk('eXIf', exifTiff()),
    png.subarray(ihdrEnd),
  ]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A WebP in the extended format (VP8X) with EXIF and XMP chunks after its image data. */
export function webpWithMetadata(webp: Buffer, width: number, height: number): Buffer {
  if (webp.toString('latin1', 0, 4) !== 'RIFF' || webp.toString('latin1', 8, 12) !== 'WEBP') {
    throw new Error('not a WebP');
  }
  let image = webp.subarray(12);
  const vp8x = Buffer.alloc(10);
  if (image.toString('latin1', 0, 4) === 'VP8X') {
    // Already extended (e.g. with alpha): keep its flags, add ours.
    image.copy(vp8x, 0, 8, 18);
    image = image.subarray(18);
  } else {
    vp8x.writeUIntLE(width - 1, 4, 3);
    vp8x.writeUIntLE(height - 1, 7, 3);
  }
  vp8x.writeUInt8(vp8x.readUInt8(0) | 0x08 | 0x04, 0); // EXIF and XMP present
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    image,
    riffChunk('EXIF', exifTiff()),
    riffChunk('XMP ', Buffer.from(xmpPacket(), 'utf8')),
  ]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/**
 * What a re-encoded photo may carry: the encoder's colour profile (the same sRGB profile for
 * every photo, so it says nothing about the person, the place or the camera).
 */
export const HARMLESS = ['APP2 ICC_PROFILE'];

/**
 * The metadata a file carries, by its structure: JPEG APPn/COM segments (named Exif, XMP, ICC,
 * JFIF...), PNG ancillary text and EXIF chunks, WebP EXIF/XMP chunks; plus any planted string
 * found anywhere in the bytes. An empty list means: pixels only.
 */
export function metadataIn(bytes: Buffer): string[] {
  const found: string[] = [];
  if (bytes.readUInt16BE(0) === 0xffd8) {
    let p = 2;
    while (p + 4 <= bytes.length) {
      if (bytes[p] !== 0xff) throw new Error(`JPEG marker expected at ${p}`);
      const marker = bytes[p + 1]!;
      if (marker === 0xda || marker === 0xd9) break; // image data follows
      const len = bytes.readUInt16BE(p + 2);
      const payload = bytes.subarray(p + 4, p + 2 + len);
      if (marker === 0xe1) {
        if (payload.toString('latin1', 0, 6) === 'Exif\0\0') {
          found.push('APP1 Exif');
          if (payload.includes(Buffer.from([0x88, 0x25]))) found.push('EXIF GPS IFD pointer');
        } else if (payload.toString('latin1').startsWith('http://ns.adobe.com/xap')) {
          found.push('APP1 XMP');
        } else found.push('APP1');
      } else if (marker === 0xe2 && payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0') {
        found.push('APP2 ICC_PROFILE');
      } else if (marker >= 0xe2 && marker <= 0xef) {
        found.push(`APP${marker - 0xe0}`);
      } else if (marker === 0xfe) found.push('COM');
      p += 2 + len;
    }
  } else if (bytes.toString('latin1', 1, 4) === 'PNG') {
    let p = 8;
    while (p + 8 <= bytes.length) {
      const type = bytes.toString('latin1', p + 4, p + 8);
      if (['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME'].includes(type)) found.push(`PNG ${type}`);
      p += 12 + bytes.readUInt32BE(p);
    }
  } else if (bytes.toString('latin1', 8, 12) === 'WEBP') {
    let p = 12;
    while (p + 8 <= bytes.length) {
      const fourcc = bytes.toString('latin1', p, p + 4);
      if (fourcc === 'EXIF' || fourcc === 'XMP ') found.push(`WebP ${fourcc.trim()}`);
      const size = bytes.readUInt32LE(p + 4);
      p += 8 + size + (size % 2);
    }
  }
  for (const s of Object.values(PLANTED)) {
    if (bytes.includes(Buffer.from(s, 'latin1'))) found.push(`planted "${s}"`);
  }
  return found;
}
