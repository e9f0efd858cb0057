/**
 * The W3C Nu HTML checker (vnu.jar from the `vnu-jar` package, run with the
 * system Java) over every built page, in one Java run: 0 errors. It parses
 * pages as browsers do, so it catches what html-validate does not (a script
 * after </html> is a fatal "stray start tag" there).
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, distFiles, requireDist } from '../helpers/dist.ts';

const VNU_JAR = join(
  dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build',
  'dist',
  'vnu.jar',
);

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs the checker over a folder (HTML files only); the files it checked and its error messages. */
function nuCheck(dir: string): { checked: string[]; messages: NuMessage[] } {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error)
    throw new Error(
      'java が見つかりません。Java 実行環境を入れてください（Debian: apt-get install default-jre-headless）',
    );
  // --verbose lists each checked file on stdout; the JSON report goes to stderr.
  const r = spawnSync(
    'java',
    ['-jar', VNU_JAR, '--verbose', '--errors-only', '--format', 'json', '--skip-non-html', dir],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const json = r.stderr.slice(r.stderr.indexOf('{'));
  const report = JSON.parse(json) as { messages: NuMessage[] };
  return { checked: r.stdout.split('\n').filter(Boolean), messages: report.messages };
}

const describeLine = (m: NuMessage) =>
  `${m.url ? relative(DIST, fileURLToPath(m.url)) : '?'}:${m.lastLine ?? '?'} ${m.message} «${m.extract ?? ''}»`;

describe('Nu HTML checker', () => {
  test('reports a script after </html> (so a pass means something)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-vnu-'));
    try {
      writeFileSync(
        join(dir, 'index.html'),
        '<!doctype html><html lang="ja"><head><title>x</title></head><body><p>x</p></body></html><script type="module" src="/x.js"></script>',
      );
      const { messages } = nuCheck(dir);
      expect(messages.map((m) => m.message).join('\n')).toMatch(/Stray start tag/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every built page has 0 errors', { timeout: 600_000 }, () => {
    requireDist();
    const { checked, messages } = nuCheck(DIST);
    expect(checked.length).toBe(distFiles().filter((f) => f.endsWith('.html')).length);
    expect(messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map(describeLine)).toEqual([]);
  });
});
