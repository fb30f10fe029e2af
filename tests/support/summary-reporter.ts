import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line per run, `<project>: N passed, N failed, N skipped`, so CI logs
 * state what ran in a form any reader (human or tool) can count.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const projects = new Set<string>();
    for (const mod of testModules) {
      projects.add(mod.project.name || 'tests');
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    const label = [...projects].join('+') || 'tests';
    console.log(`\n${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
