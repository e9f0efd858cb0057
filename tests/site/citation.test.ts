/**
 * Every entity page and /data/ carry a citation block: the page's stable URL
 * (the path, as this build has no SITE_URL), 情報の時点 from its sources,
 * APA and BibTeX text, and the licence of each part, with no script.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import {
  bodyFactSources,
  contractsCommissionedBy,
  indexById,
  lastChecked,
  placeOf,
} from '../../src/lib/model/directory.ts';
import { apiPaths } from '../../src/lib/publish/api.ts';
import { contentChanges } from '../../src/content/changes.ts';
import { contentDir } from '../../src/content/files.ts';
import { exportDates } from '../../src/lib/publish/datasets/index.ts';
import { dayInJapan, pageDate } from '../../src/lib/publish/citation.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
beforeAll(requireDist);

function block(route: string): string {
  const html = page(route);
  const m = /<section class="cite-this[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  expect(m, `${route}: citation block`).not.toBeNull();
  return m![1]!;
}
const pages = [
  ...dir.coops.map((e) => ({
    route: paths.coop(e.id),
    asOf: lastChecked(e.sources),
    api: apiPaths.entity('coops', e.id),
    osm: placeOf(e, bodies)?.precision !== undefined && placeOf(e, bodies)?.precision !== 'address',
  })),
  ...dir.categories.map((e) => ({
    route: paths.category(e.id),
    asOf: lastChecked(e.sources),
    api: apiPaths.entity('categories', e.id),
    osm: false,
  })),
  ...dir.bodies.map((e) => ({
    route: paths.body(e.id),
    asOf: lastChecked(bodyFactSources(e, contractsCommissionedBy(e.id, dir.contracts))),
    api: apiPaths.entity('municipalities', e.id),
    osm: !!e.location && /OpenStreetMap/i.test(e.locationSource ?? ''),
  })),
  ...dir.councils.map((e) => ({
    route: paths.council(e.id),
    asOf: lastChecked(e.sources),
    api: apiPaths.entity('councils', e.id),
    osm: false,
  })),
  ...dir.guides.map((e) => ({
    route: paths.guide(e.id),
    asOf: lastChecked(e.sources),
    api: apiPaths.entity('guides', e.id),
    osm: false,
  })),
];

describe('citation blocks', () => {
  test('every entity page: its URL, 情報の時点, APA, BibTeX, licences and a link to its JSON', () => {
    expect(DIST).toBeTruthy();
    for (const p of pages) {
      const b = block(p.route);
      expect(b, p.route).toMatch(new RegExp(`<code[^>]*>/${p.route}</code>`));
      if (p.asOf) expect(b, p.route).toContain(`datetime="${p.asOf}"`);
      expect(b).toMatch(/\(\d{4}, [A-Z][a-z]+ \d{1,2}\)\. /);
      expect(b).toContain('@misc{roukyou-atlas-');
      expect(b).toContain(`url = {/${p.route}}`);
      expect(b).toContain('CC BY 4.0');
      expect(b.includes('ODbL'), `${p.route}: ODbL line`).toBe(p.osm);
      expect(b.includes('公共データ利用規約'), `${p.route}: registry credit`).toBe(
        'registry' in p && p.registry === true,
      );
      expect(b).toContain(`href="/${p.api}"`);
      expect(b).not.toContain('<script');
    }
  });
  test('APA and BibTeX are dated by the page’s last change in content/ (else the build), with an access date', () => {
    const changes = contentChanges(contentDir());
    const buildDay = dayInJapan(exportDates(dir, process.env.SOURCE_DATE_EPOCH).generatedAt);
    const cases: Array<{ route: string; files: string[]; updated?: string }> = [
      ...dir.coops.map((c) => ({
        route: paths.coop(c.id),
        files: [`coops/${c.id}`, ...dir.contracts.filter((k) => k.contractor === c.id).map((k) => `contracts/${k.id}`)],
      })),
      ...dir.councils.map((c) => ({ route: paths.council(c.id), files: [`councils/${c.id}`] })),
      ...dir.guides.map((g) => ({ route: paths.guide(g.id), files: [`guides/${g.id}`], updated: g.updated })),
    ];
    for (const c of cases) {
      const b = block(c.route);
      const day = pageDate([...c.files.map((f) => changes.get(f)), c.updated], buildDay);
      const [y, m, d] = day.split('-').map(Number);
      const month = new Date(Date.UTC(y!, m! - 1, d)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
      expect(b, c.route).toContain(`(${y}, ${month} ${d}). `);
      expect(b, c.route).toContain(`date = {${day}}`);
      expect(b, c.route).toContain(`urldate = {${buildDay}}`);
      expect(b, c.route).toMatch(/Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from /);
      expect(b, c.route).toContain(`取得日はこのサイトを作った日（${buildDay}）`);
    }
  });
  test('/data/ has the block too, with the data as-of date', () => {
    const b = block(paths.data());
    expect(b).toMatch(new RegExp(`<code[^>]*>/${paths.data()}</code>`));
    expect(b).toContain('CITATION.cff');
  });
});
