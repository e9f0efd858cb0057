/**
 * The benches' measuring (scripts/lib/bench-common.ts): a command's whole-tree CPU counts a child's work, down to the
 * kernel's own account, its peak sums the tree, and each step carries the load average; the shell's `times` is read
 * right; medians of pairs; the wait for a quiet machine before a browser load.
 */
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { childTimes, median, runMeasured, untilQuiet } from '../../../scripts/lib/bench-common.ts';

describe('childTimes', () => {
  test("reads the children's user and system seconds from bash's `times`", () => {
    expect(childTimes('0m0.004s 0m0.001s\n1m2.500s 0m0.750s\n')).toBeCloseTo(63.25, 6);
  });
  test('no output (the command was killed before `times` ran): 0', () => expect(childTimes('')).toBe(0));
});

describe('median', () => {
  test('middle value, mean of the middle two, NaN left out', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('runMeasured', () => {
  test(
    "counts a child process's CPU in the tree's (the kernel's rusage) and keeps the exit code and output",
    { timeout: 30_000 },
    async () => {
      // A parent that does nothing itself and waits for a child that spins for about 0.6 s of CPU.
      const spin = 'const t=process.cpuUsage();while((process.cpuUsage(t).user+process.cpuUsage(t).system)<6e5);';
      const parent = `const r=require('child_process').spawnSync(process.execPath,['-e',${JSON.stringify(spin)}]);console.log('done');process.exit(3)`;
      const r = await runMeasured(process.execPath, ['-e', parent], { cwd: process.cwd() });
      expect(r.code).toBe(3);
      expect(r.output).toContain('done');
      expect(r.rusageCpuSeconds).toBeGreaterThanOrEqual(0.6);
      expect(r.cpuSeconds).toBeGreaterThanOrEqual(r.rusageCpuSeconds);
      expect(r.treePeakMb).toBeGreaterThan(0);
      expect(r.loadBefore).toMatch(/^load [\d.]+ \/ [\d.]+ \/ [\d.]+ on \d+ CPUs$/);
    },
  );
});

describe('untilQuiet', () => {
  test('with no time to wait it does not wait', async () => {
    const started = Date.now();
    await untilQuiet(0);
    expect(Date.now() - started).toBeLessThan(50);
  });

  test('waits while every CPU is busy, and never much longer than its limit', { timeout: 30_000 }, async () => {
    // One spinner per CPU for 0.8 s: the machine cannot be 85 % idle before they stop.
    const spinners = cpus().map(() =>
      spawn(process.execPath, ['-e', 'const end = Date.now() + 800; while (Date.now() < end);'], { stdio: 'ignore' }),
    );
    const stopped = Promise.all(spinners.map((c) => new Promise((ok) => c.on('exit', ok))));
    await new Promise((ok) => setTimeout(ok, 150)); // the spinners are running
    const waited = await untilQuiet(4000);
    await stopped;
    expect(waited).toBeGreaterThanOrEqual(400);
    // Two calm samples after the spinners end, or the limit on a machine other tests keep busy; one sample over at most.
    expect(waited).toBeLessThanOrEqual(4000 + 150);
  });
});
