import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The background map tiles (BRT-Achtergrondkaart, Kadaster). */
const PDOK = 'https://service.pdok.nl';
/** Address search (PDOK Locatieserver), online only. */
const PDOK_SEARCH = 'https://api.pdok.nl';

/**
 * A strict Content-Security-Policy as a <meta> in the built index.html: only our own scripts and
 * styles, network only to ourselves and the Supabase project. Build only, because the dev server
 * injects inline styles. Hosting should also send it as a header (plus frame-ancestors, which a
 * <meta> cannot carry).
 */
function contentSecurityPolicy(): Plugin {
  let api = '';
  let realtime = '';
  return {
    name: 'buurtpeil:csp',
    apply: 'build',
    configResolved(config) {
      const url: unknown = config.env.VITE_SUPABASE_URL;
      if (typeof url !== 'string' || !URL.canParse(url)) return;
      const { origin, host, protocol } = new URL(url);
      api = origin;
      // Realtime uses a WebSocket to the same host.
      realtime = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
    },
    transformIndexHtml() {
      const policy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        // Photos come from Storage (signed URLs) or, before upload, from blobs on the device;
        // map tiles from PDOK (the service worker fetches them too, to cache them).
        `img-src 'self' data: blob: ${api} ${PDOK}`,
        `connect-src 'self' ${api} ${realtime} ${PDOK} ${PDOK_SEARCH}`,
        "font-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ];
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy.join('; ') },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

/**
 * Security headers on the served app (`npm start`, the e2e tests): the build's own CSP (read from
 * the built index.html, so it names the Supabase project the build talks to) plus what a <meta>
 * cannot say. Production hosting sends the same (README).
 */
function securityHeaders(): Plugin {
  return {
    name: 'buurtpeil:security-headers',
    configurePreviewServer(server) {
      const outDir = server.config.build.outDir;
      server.middlewares.use((_req, res, next) => {
        let csp = '';
        try {
          const html = readFileSync(path.resolve(server.config.root, outDir, 'index.html'), 'utf8');
          csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '')
            .replaceAll('&#39;', "'")
            .replaceAll('&quot;', '"')
            .replaceAll('&amp;', '&');
        } catch {
          // no build yet: vite preview reports that itself
        }
        if (csp) res.setHeader('Content-Security-Policy', `${csp}; frame-ancestors 'none'`);
        res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
        res.setHeader('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('X-Frame-Options', 'DENY');
        next();
      });
    },
  };
}

export default defineConfig({
  // The app's index.html lives in src/ so the project's top level stays as agreed.
  root: `${root}src`,
  publicDir: `${root}public`,
  envDir: root,
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  plugins: [
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      includeAssets: ['icons/*.png', 'icons/*.svg', 'data/*.geojson'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,geojson}'],
        // README pictures are not part of the app.
        globIgnores: ['screenshots/**'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/(rest|auth|storage)\/v1\//],
        cleanupOutdatedCaches: true,
        // Passes Background Sync events on to open windows (public/sw-sync.js).
        importScripts: ['sw-sync.js'],
        // Map tiles: recently seen areas stay available offline, for a month at most.
        runtimeCaching: [
          {
            // A RegExp, not a function: workbox writes it into the service worker as text.
            urlPattern: /^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\//,
            handler: 'CacheFirst',
            options: {
              cacheName: 'pdok-tiles',
              expiration: { maxEntries: 2000, maxAgeSeconds: 30 * 24 * 60 * 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
        // Take control of the page on the very first visit, so the app works offline without a
        // reload. Updates still wait for the user (skipWaiting only on their "Herladen").
        clientsClaim: true,
      },
      devOptions: { enabled: false },
    }),
    contentSecurityPolicy(),
    securityHeaders(),
  ],
  test: {
    root,
    environment: 'node',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        root,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'supabase/local/**/*.test.ts'],
          environment: 'node',
          // IndexedDB in Node, installed before Dexie loads (its liveQuery needs the global).
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        root,
        test: {
          name: 'db',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Simulated devices (src/sync) keep their data in fake-indexeddb.
          setupFiles: ['fake-indexeddb/auto'],
          globalSetup: ['tests/support/stack-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        root,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // In this order: the app build needs the stack's URL and key.
          globalSetup: ['tests/support/stack-setup.ts', 'tests/support/app-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
