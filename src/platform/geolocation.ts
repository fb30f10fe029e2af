import type { LonLat } from '../lib/geo/index.ts';

/** The device's position and how sure it is (metres), from the browser's geolocation. */
export function currentPosition(timeoutMs = 15_000): Promise<{ point: LonLat; accuracy: number }> {
  return new Promise((resolve, reject) => {
    if (!globalThis.navigator?.geolocation) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          point: { lon: p.coords.longitude, lat: p.coords.latitude },
          accuracy: p.coords.accuracy,
        }),
      reject,
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}
