/**
 * `npm run bench:lighthouse`: Lighthouse (mobile preset, the default) in
 * Debian's Chromium on home, a co-op, a public body, map and search, served
 * from dist/ (or $DIST_DIR) on 127.0.0.1. Prints, per page, every audit
 * scoring below 1 (id, title, score, displayed value), then every category's
 * score per page and the load average. Goal: 100 in each. Figures only — no
 * pass/fail.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { resolve } from 'node:path';
import { serve } from './serve.ts';
import { loadContentDirectory } from '../tests/helpers/content.ts';
import { pageTypes } from './lib/page-types.ts';
import { loadLine } from './bench-common.ts';

const WANTED = ['home', 'co-op', 'public body', 'map', 'search'];
const dist = resolve(process.env.DIST_DIR ?? 'dist');
const { server, url } = await serve(dist);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
});
const rows: Array<[string, Record<string, number | null>]> = [];
const before = loadLine();
let categories: string[] = [];
try {
  for (const [name, route] of pageTypes(loadContentDirectory()).filter(([n]) => WANTED.includes(n))) {
    const result = await lighthouse(url + route, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!result) continue;
    const cats = result.lhr.categories;
    categories = Object.keys(cats);
    rows.push([name, Object.fromEntries(Object.entries(cats).map(([k, c]) => [k, c.score === null ? null : Math.round(c.score * 100)]))]);
    const failing = Object.values(result.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode))
      .sort((a, b) => a.score! - b.score! || a.id.localeCompare(b.id));
    console.log(`\n${name} (/${route}): ${failing.length ? `${failing.length} audit(s) below 1` : 'no audit below 1'}`);
    for (const a of failing) console.log(`  ${a.score!.toFixed(2)}  ${a.id} — ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(`\nLighthouse (mobile) — ${dist} (${before} before, ${loadLine()} after)\n`);
console.log(`${'page'.padEnd(14)}${categories.map((c) => c.padStart(18)).join('')}`);
for (const [name, scores] of rows) console.log(`${name.padEnd(14)}${categories.map((c) => String(scores[c] ?? '–').padStart(18)).join('')}`);
console.log(
  '\nServed by scripts/serve.ts: no compression and no cache headers, so cache-insight and document-latency-insight speak of this server, not of the host the site is deployed to.',
);
