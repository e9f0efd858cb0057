/**
 * `npx node scripts/bench-print.ts`: prints every public body's and every co-op's page to PDF
 * in Chromium (A4, print media) and reports the page counts, and the size of
 * every open-data download. Goal: each public body on one or two pages.
 * Reads the built dist/ (or $DIST_DIR); prints figures, asserts nothing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from './serve.ts';
import { launch, localOnlyContext } from '../tests/helpers/chromium.ts';
import { loadContentDirectory } from '../tests/helpers/content.ts';
import { contractsCommissionedBy, coopsIn, indexById } from '../src/lib/model/directory.ts';
import { paths } from '../src/lib/model/paths.ts';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${DIST} に index.html がありません。先に npm run build を実行してください`);
  process.exit(1);
}
const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const { server, url } = await serve(DIST);
const browser = await launch();
const { context } = await localOnlyContext(browser);
const page = await context.newPage();
await page.emulateMedia({ media: 'print' });

const rows: Array<{ id: string; name: string; contracts: number; coops: number; pages: number }> = [];
for (const b of dir.bodies) {
  await page.goto(`${url}${paths.body(b.id)}`);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  rows.push({
    id: b.id,
    name: b.name,
    contracts: contractsCommissionedBy(b.id, dir.contracts).length,
    coops: coopsIn(b, dir.coops, bodies).length,
    pages,
  });
}
const coopRows: Array<{ id: string; name: string; contracts: number; pages: number }> = [];
for (const c of dir.coops) {
  await page.goto(`${url}${paths.coop(c.id)}`);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  coopRows.push({
    id: c.id,
    name: c.name,
    contracts: dir.contracts.filter((x) => x.contractor === c.id).length,
    pages,
  });
}

await browser.close();
server.close();
coopRows.sort((a, b) => b.pages - a.pages || b.contracts - a.contracts);

rows.sort((a, b) => b.pages - a.pages || b.contracts + b.coops - (a.contracts + a.coops));
console.log('public-body pages printed (A4): longest first');
for (const r of rows.slice(0, 8))
  console.log(`  ${r.id} ${r.name}: ${r.pages} page(s), ${r.contracts} contracts, ${r.coops} organisations`);
const histogram = rows.reduce<Record<number, number>>((h, r) => ({ ...h, [r.pages]: (h[r.pages] ?? 0) + 1 }), {});
console.log(
  `  all ${rows.length} bodies: ${Object.entries(histogram)
    .map(([p, n]) => `${n} on ${p} page(s)`)
    .join(', ')}`,
);

console.log('co-op pages printed (A4): longest first');
for (const r of coopRows.slice(0, 8)) console.log(`  ${r.id} ${r.name}: ${r.pages} page(s), ${r.contracts} contracts`);
const coopHistogram = coopRows.reduce<Record<number, number>>(
  (h, r) => ({ ...h, [r.pages]: (h[r.pages] ?? 0) + 1 }),
  {},
);
console.log(
  `  all ${coopRows.length} organisations: ${Object.entries(coopHistogram)
    .map(([p, n]) => `${n} on ${p} page(s)`)
    .join(', ')}`,
);

console.log('open-data downloads (bytes)');
const data = join(DIST, 'data');
for (const f of readdirSync(data)
  .filter((f) => /\.(csv|json|geojson)$/.test(f))
  .sort())
  console.log(`  data/${f}: ${statSync(join(data, f)).size}`);
const perBody = readdirSync(join(data, 'contracts')).map((f) => statSync(join(data, 'contracts', f)).size);
console.log(
  `  data/contracts/<code>.csv: ${perBody.length} files, ${perBody.reduce((a, b) => a + b, 0)} bytes in all, largest ${Math.max(...perBody)}`,
);
