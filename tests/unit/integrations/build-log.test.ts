/** The short build log: Astro's per-route lines are counted and said once; everything else passes unchanged. */
import { expect, test } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import { quietDestination, verboseLog } from '../../../src/integrations/build-log.ts';

const info = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({
  label,
  level: 'info',
  message,
  newLine,
});

test('route lines and their timings are counted, not written; warnings and other lines pass in order', () => {
  const written: AstroLoggerMessage[] = [];
  const log = quietDestination({ write: (e) => written.push(e) });
  const warning: AstroLoggerMessage = { label: 'vite', level: 'warn', message: 'something to read', newLine: true };
  const events = [
    info('build', 'Building static entrypoints...'),
    info('SKIP_FORMAT', '\n\u001b[42m generating static routes \u001b[49m'),
    // As astro/dist/core/build/generate.js writes them: the path (coloured, no new line), then the time.
    info(null, '  \u001b[34m├─\u001b[39m \u001b[2m/coops/a/index.html\u001b[22m', false),
    info('SKIP_FORMAT', ' \u001b[2m(+5ms)\u001b[22m '),
    warning,
    info(null, '  \u001b[32m├─\u001b[39m \u001b[2m/coops/b/index.html\u001b[22m', false),
    info('SKIP_FORMAT', ' \u001b[32m(cached)\u001b[39m'),
    info(null, '  \u001b[34m└─\u001b[39m /api/x.json', false),
    info('SKIP_FORMAT', ' (+1ms) '),
    info(null, '\u001b[32m✓ Completed in 46.56s.\u001b[39m'),
    info('build', '3 page(s) built in 1m'),
  ];
  for (const e of events) log.write(e);
  expect(written.map((e) => e.message)).toEqual([
    'Building static entrypoints...',
    '\n\u001b[42m generating static routes \u001b[49m',
    '1件のファイルを書き出しました（1件ずつの表示は BUILD_LOG=verbose）',
    'something to read',
    '2件のファイルを書き出しました（1件ずつの表示は BUILD_LOG=verbose）',
    '\u001b[32m✓ Completed in 46.56s.\u001b[39m',
    '3 page(s) built in 1m',
  ]);
  expect(written[3]).toBe(warning);
});

test('verbose with BUILD_LOG=verbose or --verbose, quiet otherwise', () => {
  expect(verboseLog({ BUILD_LOG: 'verbose' }, [])).toBe(true);
  expect(verboseLog({}, ['node', 'astro', 'build', '--verbose'])).toBe(true);
  expect(verboseLog({}, ['node', 'astro', 'build'])).toBe(false);
});
