/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`,
 * after vitest's own summary, so CI logs state the count in a fixed form; a
 * test file that failed outside its tests (it did not load, a hook threw) is
 * added as `N files failed`, so the line never reads "0 failed" on a red run.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let files = 0;
    for (const m of modules) {
      if (m.state() === 'failed' && ![...m.children.allTests()].some((t) => t.result().state === 'failed')) files++;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${files ? `, ${files} files failed` : ''}\n`,
    );
  }
}
