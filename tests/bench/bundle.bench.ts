import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import type { BenchResult, Benchmark } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The first screens: signed out, the login page; signed in (a session stored on the device), the
 * home page. Each loads the scripts of index.html (entry + modulepreloads) and, if its page is a
 * lazy chunk, that chunk with its static imports.
 */
const FIRST_SCREENS = [
  {
    name: 'first-screen-js-gzip',
    what: 'signed out: the login page',
    page: 'src/features/auth/PasswordLoginPage.tsx',
  },
  {
    name: 'first-screen-signed-in-js-gzip',
    what: 'signed in: the home page',
    page: 'src/features/home/HomePage.tsx',
  },
];

/** What a signed-in start loads right after the first paint (dynamic imports in src/main.tsx). */
const AFTER_PAINT = [
  'src/platform/supabase-client.ts',
  'src/platform/sync.ts',
  'src/sync/status.ts',
  'node_modules/workbox-window/',
];

interface ChunkInfo {
  imports: string[];
  modules: string[];
}

/** A module id as a project path; packages as `node_modules/<name>/…` (node_modules may be a link). */
function projectPath(id: string): string {
  const file = id.replace(/\?.*/, '');
  const i = file.lastIndexOf('/node_modules/');
  return i >= 0 ? file.slice(i + 1) : path.relative(ROOT, file);
}

/** Records every chunk's static imports and modules (paths relative to the project). */
function chunkGraph(into: Map<string, ChunkInfo>): Plugin {
  return {
    name: 'bench:chunk-graph',
    generateBundle(_options, bundle) {
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        into.set(file, {
          imports: chunk.imports,
          modules: Object.keys(chunk.modules).map(projectPath),
        });
      }
    },
  };
}

/**
 * Gzip size of the JavaScript each first screen loads before it can paint, against all
 * JavaScript the build emits; and what a signed-in start loads right after the first paint.
 */
export const bundleSize: Benchmark = {
  name: 'bundle',
  async run() {
    const outDir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-build-'));
    try {
      process.env.VITE_SUPABASE_URL ??= 'http://127.0.0.1:54321';
      process.env.VITE_SUPABASE_ANON_KEY ??= 'bench';
      const chunks = new Map<string, ChunkInfo>();
      await build({
        configFile: path.join(ROOT, 'vite.config.ts'),
        logLevel: 'error',
        build: { outDir, emptyOutDir: true },
        plugins: [chunkGraph(chunks)],
      });
      const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
      const indexScripts = new Set<string>();
      for (const m of html.matchAll(
        /<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g,
      )) {
        indexScripts.add((m[1] ?? m[2])!.replace(/^\//, ''));
      }
      const gz = async (file: string) => gzipSync(await readFile(path.join(outDir, file))).length;
      const sum = async (files: Iterable<string>) => {
        let total = 0;
        for (const f of files) total += await gz(f);
        return total;
      };
      /** The chunk holding `module`, with everything it imports statically. */
      const closure = (module: string, into = new Set<string>()) => {
        const start = [...chunks].find(([, c]) => c.modules.some((m) => m.startsWith(module)));
        if (!start) throw new Error(`no chunk holds ${module}`);
        const visit = (file: string) => {
          if (into.has(file)) return;
          into.add(file);
          for (const dep of chunks.get(file)?.imports ?? []) visit(dep);
        };
        visit(start[0]);
        return into;
      };

      const assets = (await readdir(path.join(outDir, 'assets'))).filter((f) => f.endsWith('.js'));
      // Lazy chunks must still open offline: the service worker precaches every one of them.
      const sw = await readFile(path.join(outDir, 'sw.js'), 'utf8');
      const notPrecached = assets.filter((f) => !sw.includes(`"assets/${f}"`));
      if (notPrecached.length) throw new Error(`not precached: ${notPrecached.join(', ')}`);
      const all = await sum(assets.map((f) => path.join('assets', f)));
      const results: BenchResult[] = [];
      let signedIn = new Set<string>();
      for (const screen of FIRST_SCREENS) {
        const files = closure(screen.page, new Set(indexScripts));
        if (screen.page.includes('home')) signedIn = files;
        results.push({
          name: screen.name,
          unit: 'bytes',
          value: await sum(files),
          baseline: all,
          note: `${screen.what}: gzip of the ${files.size} script(s) it loads before its first paint (index.html's entry and modulepreloads, plus its page's chunk if lazy); baseline: all ${assets.length} JS chunks of the build`,
        });
      }
      const afterPaint = new Set<string>();
      for (const module of AFTER_PAINT) closure(module, afterPaint);
      for (const f of signedIn) afterPaint.delete(f);
      results.push({
        name: 'signed-in-after-paint-js-gzip',
        unit: 'bytes',
        value: await sum(afterPaint),
        baseline: all,
        note: `signed in: gzip of the ${afterPaint.size} script(s) loaded right after the first paint (supabase-js, Dexie and the sync runner, workbox-window); baseline: all JS chunks of the build`,
      });
      return results;
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  },
};
