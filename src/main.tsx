import { createEffect, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './app/App.tsx';
import { ConfigError } from './app/ConfigError.tsx';
import './app/styles.css';
import { language } from './lib/i18n/index.ts';
import { createAuthPort } from './platform/auth.ts';
import { createPrivacyApi } from './platform/privacy-api.ts';
import { createSupabase, readSupabaseConfig } from './platform/supabase.ts';
import { registerServiceWorker } from './platform/sw.ts';
import { startDeviceSync } from './platform/sync.ts';
import type { StartSync } from './features/sync/index.ts';
import { providePrivacyApi } from './features/privacy/index.ts';

function start(): JSX.Element {
  const config = readSupabaseConfig(import.meta.env);
  // A misconfigured build registers no service worker, so a fixed deployment is picked up at
  // the next visit instead of the broken one being cached.
  if (!config.ok) return <ConfigError missing={config.missing} />;
  // Created here, not inline in the JSX: Solid turns props into getters, so an inline call
  // would run again on every read.
  const supabase = createSupabase(config.config);
  const auth = createAuthPort(supabase);
  providePrivacyApi(createPrivacyApi(supabase));
  const serviceWorker = registerServiceWorker();
  const startSync: StartSync = (userId, onVersionChange) =>
    startDeviceSync(supabase, userId, onVersionChange);
  return <App auth={auth} serviceWorker={serviceWorker} startSync={startSync} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => {
  // Keeps `<html lang>` on the chosen language, so screen readers pronounce the texts right.
  createEffect(() => {
    document.documentElement.lang = language();
  });
  return start();
}, root);
