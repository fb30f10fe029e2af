import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

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
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/(rest|auth|storage)\/v1\//],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
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
        },
      },
      {
        extends: true,
        root,
        test: {
          name: 'db',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
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
          globalSetup: ['tests/support/stack-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
