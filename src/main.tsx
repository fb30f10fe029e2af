import { createEffect, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './app/App.tsx';
import { ConfigError } from './app/ConfigError.tsx';
import './app/styles.css';
import { language, languageReady } from './lib/i18n/index.ts';
import { createAuthPort } from './platform/auth.ts';
import { createPrivacyApi } from './platform/privacy-api.ts';
import { once, painted } from './platform/startup.ts';
import { readSupabaseConfig } from './platform/supabase.ts';
import { registerServiceWorker } from './platform/sw.ts';
import type { StartSync } from './features/sync/index.ts';
import { providePrivacyApi } from './features/privacy/index.ts';

/**
 * The first screen (login, or home when a session is stored) renders from a small core. Right
 * after its first paint, dynamic imports load supabase-js (the auth port subscribes to it) and,
 * for a signed-in person, Dexie and the sync runner; the service worker registers then too.
 */
function start(): JSX.Element {
  const config = readSupabaseConfig(import.meta.env);
  // A misconfigured build registers no service worker, so a fixed deployment is picked up at
  // the next visit instead of the broken one being cached.
  if (!config.ok) return <ConfigError missing={config.missing} />;
  // Created here, not inline in the JSX: Solid turns props into getters, so an inline call
  // would run again on every read.
  const supabase = once(() =>
    import('./platform/supabase-client.ts').then((m) => m.createSupabase(config.config)),
  );
  const auth = createAuthPort(supabase);
  providePrivacyApi(createPrivacyApi(supabase));
  const serviceWorker = registerServiceWorker();
  const startSync: StartSync = async (userId, onVersionChange) => {
    await painted();
    const [client, { startDeviceSync }] = await Promise.all([
      supabase(),
      import('./platform/sync.ts'),
    ]);
    return startDeviceSync(client, userId, onVersionChange);
  };
  return <App auth={auth} serviceWorker={serviceWorker} startSync={startSync} />;
}

function mount(root: HTMLElement): void {
  render(() => {
    // Keeps `<html lang>` on the chosen language, so screen readers pronounce the texts right.
    createEffect(() => {
      document.documentElement.lang = language();
    });
    return start();
  }, root);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Dutch, the default, renders at once. Someone who chose English before waits for its texts
// (precached, so a moment) instead of seeing a flash of Dutch.
if (languageReady) void languageReady.then(() => mount(root));
else mount(root);
