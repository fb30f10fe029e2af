/**
 * The camera as a live preview, for photos that must be framed like an earlier one (a garden's
 * after photo over its before photo). Where there is no camera (desktop, permission refused) the
 * caller falls back to choosing a file.
 */

/** Whether this browser can show a live camera preview at all. */
export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Starts the back camera in `video`; returns a stop function. Throws when refused or missing. */
export async function startCamera(video: HTMLVideoElement): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment', width: { ideal: 1600 } },
    audio: false,
  });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  return () => {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
}

/**
 * The current frame of the preview as a JPEG. Only pixels are kept, as with compressPhoto: no
 * metadata, no location.
 */
export async function captureFrame(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const g = canvas.getContext('2d');
  if (!g || !canvas.width) throw new Error('no camera frame');
  g.drawImage(video, 0, 0);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('encoding failed'))),
      'image/jpeg',
      0.9,
    ),
  );
}
