/** Longest side of a stored photo: sharp enough to see a broken paving stone, small to send. */
export const PHOTO_LONG_EDGE = 1600;

export interface CompressedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

/** The size a photo is scaled to: the long edge at most `max`, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  max = PHOTO_LONG_EDGE,
): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * Scales a photo down and re-encodes it as JPEG on the device. Drawing the pixels onto a canvas
 * and encoding them anew keeps only pixels: EXIF (GPS position, camera, time) and other metadata
 * never leave the phone. The orientation is applied first, so nothing needs the EXIF tag later.
 */
export async function compressPhoto(file: Blob, quality = 0.82): Promise<CompressedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      if (!g) throw new Error('no 2d canvas');
      g.drawImage(bitmap, 0, 0, width, height);
      return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality }), width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    g.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('encoding failed'))),
        'image/jpeg',
        quality,
      ),
    );
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}

/** Room left for photos: warn before a photo is taken when the device is nearly full. */
export async function storageRoom(): Promise<{ nearlyFull: boolean; freeBytes: number | null }> {
  try {
    const { usage = 0, quota } = (await globalThis.navigator?.storage?.estimate?.()) ?? {};
    if (!quota) return { nearlyFull: false, freeBytes: null };
    const free = quota - usage;
    return { nearlyFull: free < 50 * 1024 * 1024 || usage / quota > 0.9, freeBytes: free };
  } catch {
    return { nearlyFull: false, freeBytes: null };
  }
}
