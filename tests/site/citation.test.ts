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
  test('/data/ has the block too, with the data as-of date', () => {
    const b = block(paths.data());
    expect(b).toMatch(new RegExp(`<code[^>]*>/${paths.data()}</code>`));
    expect(b).toContain('CITATION.cff');
  });
});
