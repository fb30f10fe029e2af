import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Benchmark } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Gzip size of the JavaScript the first screen loads (the entry script and its modulepreloads in
 * index.html), against all JavaScript the build emits.
 */
export const bundleSize: Benchmark = {
  name: 'bundle',
  async run() {
    const outDir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-build-'));
    try {
      process.env.VITE_SUPABASE_URL ??= 'http://127.0.0.1:54321';
      process.env.VITE_SUPABASE_ANON_KEY ??= 'bench';
      await build({
        configFile: path.join(ROOT, 'vite.config.ts'),
        logLevel: 'error',
        build: { outDir, emptyOutDir: true },
      });
      const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
      const firstScreen = new Set<string>();
      for (const m of html.matchAll(
        /<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g,
      )) {
        firstScreen.add((m[1] ?? m[2])!.replace(/^\//, ''));
      }
      const gz = async (file: string) => gzipSync(await readFile(path.join(outDir, file))).length;
      let first = 0;
      for (const f of firstScreen) first += await gz(f);
      const assets = (await readdir(path.join(outDir, 'assets'))).filter((f) => f.endsWith('.js'));
      let all = 0;
      for (const f of assets) all += await gz(path.join('assets', f));
      return [
        {
          name: 'first-screen-js-gzip',
          unit: 'bytes',
          value: first,
          baseline: all,
          note: `gzip of the ${firstScreen.size} script(s) index.html loads; baseline: all ${assets.length} JS chunks of the build`,
        },
      ];
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  },
};
