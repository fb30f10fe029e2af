/**
 * `npm run bench`: runs every benchmark of the project and writes tests/bench/results.json.
 * Pass names to run only some: `npm run bench -- bundle`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleSize } from './bundle.bench.ts';
import { forms } from './forms.bench.ts';
import { withRatio, type BenchResult, type Benchmark } from './harness.ts';
import { lighthouseBench } from './lighthouse.bench.ts';
import { mapBench } from './map.bench.ts';
import { progress } from './progress.bench.ts';
import { stackStart } from './stack-start.bench.ts';
import { sync } from './sync.bench.ts';

const ALL: Benchmark[] = [bundleSize, stackStart, progress, sync, mapBench, forms, lighthouseBench];

const only = process.argv.slice(2);
const selected = only.length ? ALL.filter((b) => only.includes(b.name)) : ALL;
const results: BenchResult[] = [];
for (const bench of selected) {
  const t0 = performance.now();
  console.log(`▶ ${bench.name}`);
  for (const r of await bench.run()) {
    const row = withRatio(r);
    results.push(row);
    console.log(
      `  ${row.name}: ${row.value} ${row.unit}` +
        (row.baseline !== undefined
          ? ` (baseline ${row.baseline} ${row.unit}, ratio ${row.ratio})`
          : ''),
    );
  }
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

const out = path.join(import.meta.dirname, 'results.json');
// A partial run (`npm run bench -- name`) keeps the other benchmarks' last figures.
if (only.length) {
  const fresh = new Set(results.map((r) => r.name));
  const previous = await readFile(out, 'utf8')
    .then((t) => (JSON.parse(t) as { results: BenchResult[] }).results)
    .catch(() => [] as BenchResult[]);
  results.unshift(...previous.filter((r) => !fresh.has(r.name)));
}

const report = {
  date: new Date().toISOString(),
  machine: {
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  results,
};
await writeFile(out, JSON.stringify(report, null, 2) + '\n');
console.log(`Wrote ${out}`);
process.exit(0);
