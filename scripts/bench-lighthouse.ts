/**
 * `npm run bench:lighthouse`: Lighthouse (mobile preset, the default) in
 * Debian's Chromium on home, a co-op, a public body, map and search, served
 * from dist/ (or $DIST_DIR) on 127.0.0.1. Prints every category's score per
 * page. Goal: 100 in each. Figures only — no pass/fail.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { resolve } from 'node:path';
import { serve } from './serve.ts';
import { loadContentDirectory } from '../tests/helpers/content.ts';
import { pageTypes } from './lib/page-types.ts';

const WANTED = ['home', 'co-op', 'public body', 'map', 'search'];
const dist = resolve(process.env.DIST_DIR ?? 'dist');
const { server, url } = await serve(dist);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const rows: Array<[string, Record<string, number | null>]> = [];
let categories: string[] = [];
try {
  for (const [name, route] of pageTypes(loadContentDirectory()).filter(([n]) => WANTED.includes(n))) {
    const result = await lighthouse(url + route, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!result) continue;
    const cats = result.lhr.categories;
    categories = Object.keys(cats);
    rows.push([name, Object.fromEntries(Object.entries(cats).map(([k, c]) => [k, c.score === null ? null : Math.round(c.score * 100)]))]);
    const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable');
    if (failing.length) console.log(`${name}: below 1 — ${failing.map((a) => `${a.id}(${a.score})`).join(', ')}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(`\nLighthouse ${'(mobile)'} — ${dist}\n`);
console.log(`${'page'.padEnd(14)}${categories.map((c) => c.padStart(18)).join('')}`);
for (const [name, scores] of rows) console.log(`${name.padEnd(14)}${categories.map((c) => String(scores[c] ?? '–').padStart(18)).join('')}`);
