/** The data check's report: coverage and entries to re-check, on fixture content. */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readContent } from '../../../src/content/files.ts';
import { dataReport, formatReport } from '../../../src/content/report.ts';

const { entries } = readContent(join(process.cwd(), 'tests/fixtures/valid'));

describe('dataReport on the valid fixture', () => {
  test('coverage is measured against the newest official count, not a newer secondary one', () => {
    const r = dataReport(entries, '2024-06-01');
    expect(r.coverage).toMatchObject({ listed: 1, total: 12, asOf: '2024-04-01', percent: 8 });
    expect(r.prefectures).toBe(1);
  });
  test('entries whose newest source is over a year old are listed as stale', () => {
    expect(dataReport(entries, '2024-06-01').stale).toEqual([]);
    const later = dataReport(entries, '2026-11-22').stale;
    expect(later.length).toBeGreaterThan(0);
    expect(later.map((s) => s.file)).toContain('tests/fixtures/valid/coops/alpha.yaml');
    expect(later.find((s) => s.id === 'alpha')?.lastChecked).toBe('2024-01-01');
  });
  test('the text names coverage and each stale file', () => {
    const lines = formatReport(dataReport(entries, '2026-11-22'));
    expect(lines[0]).toMatch(/1 法人.*12 法人.*8%/);
    expect(lines.join('\n')).toMatch(/警告: 要再確認/);
    expect(lines).toContain('  tests/fixtures/valid/coops/alpha.yaml（最新の出典 2024-01-01）');
  });
});
