/* global self */
// Background Sync: when the browser says the network is back, wake an open Buurtpeil window so it
// sends what waits on the device. (The data lives in the window's IndexedDB logic; the service
// worker only passes the signal on.) Imported into the generated service worker.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'buurtpeil-sync') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'buurtpeil:sync' });
    }),
  );
});
