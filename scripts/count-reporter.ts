// A vitest reporter that records how many tests passed, failed and were skipped, so that
// scripts/test.mjs can end `npm test` with the plain line CI reads: "N passed, N failed".
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load has no tests but must still count as a failure.
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    const out = process.env.PARLEY_TEST_COUNTS;
    if (out) writeFileSync(out, JSON.stringify(counts));
  }
}
