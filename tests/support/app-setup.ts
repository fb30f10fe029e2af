import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../supabase/local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build of the app is served, without a trailing slash. */
    appUrl: string;
    /** The folder it is served from (tests change files there to simulate a new release). */
    appDir: string;
  }
}

const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

/**
 * Builds the app for production against the test stack (runs after `stack-setup.ts`, whose
 * values it reads from the project's provided context) and serves it with `vite preview`.
 * A production build, because only that registers the service worker the offline tests need.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { stack } = project.getProvidedContext();
  if (!stack) throw new Error('app-setup needs stack-setup to run first (see vite.config.ts)');
  const outDir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-app-'));

  const started = Date.now();
  const env = {
    VITE_SUPABASE_URL: stack.apiUrl,
    VITE_SUPABASE_ANON_KEY: stack.anonKey,
    // Vitest sets NODE_ENV=test, with which Vite builds a development bundle
    // (import.meta.env.PROD false: no service worker, Solid's dev runtime).
    NODE_ENV: 'production',
  };
  await withEnv(env, () =>
    build({
      configFile,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    }),
  );
  if (process.env.STACK_LOG) console.log(`App built in ${Date.now() - started} ms`);

  const server = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  project.provide('appUrl', url.replace(/\/$/, ''));
  project.provide('appDir', outDir);

  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}

/**
 * Vite reads `VITE_*` (and NODE_ENV) from process.env, before .env files. Set them only for the
 * build, so the rest of the test process is left as it was.
 */
async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
