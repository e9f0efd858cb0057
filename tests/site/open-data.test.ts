/**
 * The open data and the web's conventions on the built site: every CSV parses
 * (papaparse) with a BOM and one row per entity in content/, every JSON passes
 * a schema check (zod), JSON-LD on co-op and public-body pages carries the
 * required fields, the feed is well-formed Atom, embeds and OGP meta are in
 * place. The shared build with SITE_URL and a base path (tests/helpers/build.ts) checks the
 * sitemap lists every page and that URLs become absolute.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { z } from 'astro/zod';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DIST, distFiles, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { SUB_PATH, subPathBuild, type BuildResult } from '../helpers/build.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit } from '../../src/lib/views/lists.ts';
import { coopsIn, contractsCommissionedBy, indexById, placeOf } from '../../src/lib/model/directory.ts';
import {
  DATASETS,
  DATASET_NAMES,
  modelProjectFigures,
  type DatasetName,
} from '../../src/lib/publish/datasets/index.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
beforeAll(requireDist);

const file = (p: string, root = DIST) => readFileSync(join(root, p));
const text = (p: string, root = DIST) => file(p, root).toString('utf8');
/** CSV text without its BOM, parsed with the first row as header. */
function parseCsv(raw: string) {
  return Papa.parse<Record<string, string>>(raw.replace(/^\uFEFF/, ''), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  });
}
const figureRows = modelProjectFigures(dir);
const entities: Record<DatasetName, Array<{ id: string }>> = {
  coops: dir.coops,
  contracts: dir.contracts,
  municipalities: dir.bodies,
  categories: dir.categories,
  'national-counts': dir.nationalCounts,
  'model-project-figures': figureRows,
};
const idHeader: Record<DatasetName, string> = {
  coops: 'ID',
  contracts: 'ID',
  municipalities: '団体コード',
  categories: 'ID',
  'national-counts': '時点',
  'model-project-figures': 'ID',
};

describe('CSV downloads', () => {
  test.each(DATASET_NAMES)('data/%s.csv: BOM, CRLF, one header row, one row per entity in content/', (name) => {
    const bytes = file(paths.dataFile(`${name}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = bytes.toString('utf8');
    expect(raw.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(raw);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(DATASETS[name].fields.filter((f) => f.header).map((f) => f.header));
    expect(parsed.data).toHaveLength(entities[name].length);
    expect(parsed.data.map((r) => r[idHeader[name]]).sort()).toEqual(entities[name].map((e) => e.id).sort());
  });
  test('every row credits its sources, and the URL column holds exactly the source URLs', () => {
    for (const name of DATASET_NAMES) {
      const byId = indexById(entities[name] as Array<{ id: string; sources: Array<{ title: string; url?: string }> }>);
      for (const row of parseCsv(text(paths.dataFile(`${name}.csv`))).data) {
        const e = byId.get(row[idHeader[name]]!)!;
        for (const s of e.sources) expect(row['出典']).toContain(s.title.replaceAll('|', '｜'));
        expect(row['出典URL']).toBe(e.sources.flatMap((s) => (s.url ? [s.url.replaceAll('|', '%7C')] : [])).join('|'));
      }
    }
  });
  test("co-op rows: categories split on | give the entity's categories; the map point matches placeOf", () => {
    const coops = indexById(dir.coops);
    for (const row of parseCsv(text(paths.dataFile('coops.csv'))).data) {
      const c = coops.get(row['ID']!)!;
      expect(row['分野ID']!.split('|')).toEqual(c.categories);
      const place = placeOf(c, bodies);
      expect(row['緯度']).toBe(place ? String(place.lat) : '');
      expect(row['位置の精度']).toBe(place?.precision ?? '');
    }
  });
  test('no cell starts with = + - @ (Excel would run it as a formula)', () => {
    for (const name of DATASET_NAMES) {
      const cells = Papa.parse<string[]>(text(paths.dataFile(`${name}.csv`)).replace(/^\uFEFF/, ''), {
        newline: '\r\n',
        skipEmptyLines: true,
      }).data.flat();
      expect(
        cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
        name,
      ).toEqual([]);
    }
  });
  test('every public body that commissions something has its own contracts CSV with exactly those contracts; the others have none', () => {
    let total = 0;
    for (const b of dir.bodies) {
      const route = paths.bodyContractsCsv(b.id);
      if (contractsCommissionedBy(b.id, dir.contracts).length === 0) {
        expect(existsSync(join(DIST, route)), route).toBe(false);
        continue;
      }
      const bytes = file(route);
      expect([...bytes.subarray(0, 3)], route).toEqual([0xef, 0xbb, 0xbf]);
      const parsed = parseCsv(bytes.toString('utf8'));
      expect(parsed.errors).toEqual([]);
      const expected = contractsCommissionedBy(b.id, dir.contracts)
        .map((c) => c.id)
        .sort();
      expect(parsed.data.map((r) => r['ID']).sort(), route).toEqual(expected);
      total += parsed.data.length;
    }
    expect(total).toBe(dir.contracts.length);
  });
});

const source = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().optional(),
  url: z.url().optional(),
  document: z.string().optional(),
  asOf: z.string().optional(),
  published: z.string().optional(),
  seen: z.string().optional(),
  note: z.string().optional(),
  copyOf: z
    .strictObject({
      publisher: z.string().min(1),
      title: z.string().optional(),
      url: z.url().optional(),
      published: z.string().optional(),
    })
    .optional(),
});
const envelope = (name: DatasetName, item: z.ZodType) =>
  z.strictObject({
    version: z.number().int().positive(),
    dataset: z.literal(name),
    title: z.string().min(1),
    generatedAt: z.iso.datetime({ offset: true }),
    dataAsOf: z.iso.date().nullable(),
    license: z.strictObject({ name: z.literal('CC BY 4.0'), url: z.url() }),
    attribution: z.string().min(1),
    documentation: z.string().min(1),
    count: z.number().int().nonnegative(),
    items: z.array(item),
  });
const nullableText = z.string().min(1).nullable();
const itemSchemas: Record<DatasetName, z.ZodType> = {
  coops: z.looseObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    kind: z.enum(['coop', 'federation', 'network', 'hq', 'site']),
    prefectureCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable(),
    municipalityCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable(),
    latitude: z.number().min(20).max(46).nullable(),
    longitude: z.number().min(122).max(154).nullable(),
    categoryIds: z.array(z.string().min(1)).min(1),
    website: z.url().nullable(),
    url: z.string().min(1),
    sources: z.array(source).min(1),
  }),
  contracts: z.looseObject({
    id: z.string().min(1),
    commissionerCode: z.string().min(1),
    commissionerName: z.string().min(1),
    contractorId: z.string().min(1),
    contractorName: z.string().min(1),
    programme: z.string().min(1),
    services: z.array(z.string()),
    fiscalYear: z.number().int().nullable(),
    fiscalYearJa: z
      .string()
      .regex(/^(明治|大正|昭和|平成|令和)(元|\d+)年度$/)
      .nullable(),
    sources: z.array(source).min(1),
  }),
  municipalities: z.looseObject({
    code: z.string().regex(/^(\d{6}|[a-z]+)$/),
    name: z.string().min(1),
    kind: z.enum(['国', '都道府県', '市', '特別区', '区', '町', '村']),
    coopCount: z.number().int().nonnegative(),
    contractCount: z.number().int().nonnegative(),
    website: z.url().nullable(),
    sources: z.array(source).min(1),
  }),
  categories: z.looseObject({
    id: z.string().min(1),
    name: z.string().min(1),
    description: nullableText,
    sources: z.array(source).min(1),
  }),
  'national-counts': z.looseObject({
    asOf: z.iso.date(),
    corporations: z.number().int().nonnegative(),
    official: z.boolean(),
    sources: z.array(source).min(1),
  }),
  'model-project-figures': z.looseObject({
    id: z.string().min(1),
    councilId: z.string().min(1),
    measure: z.enum(['figure', 'participants', 'capacity']),
    label: z.string().min(1),
    value: z.number(),
    unit: z.string().min(1),
    sources: z.array(source).length(1),
  }),
};

describe('downloads students asked for', () => {
  test('national-counts: the series in date order, figures as in content/', () => {
    const rows = parseCsv(text(paths.dataFile('national-counts.csv'))).data;
    expect(rows.map((r) => r['時点'])).toEqual([...dir.nationalCounts].map((n) => n.asOf).sort());
    for (const n of dir.nationalCounts) {
      const row = rows.find((r) => r['時点'] === n.asOf)!;
      expect(row['法人数']).toBe(String(n.corporations));
      expect(row['厚生労働省の公表値']).toBe(String(n.official));
    }
  });
  test('model-project-figures: every participants count, capacity and reported figure of every council, once', () => {
    // Counted straight from content/, not through the row builder.
    const expected = dir.councils.flatMap((c) => [
      ...(c.figures ?? []).map((f) => `${c.id}|figure|${f.label}|${f.value}`),
      ...(c.activities ?? []).flatMap((a) => [
        ...(a.attendance?.participants !== undefined
          ? [`${c.id}|participants|参加者数|${a.attendance.participants}`]
          : []),
        ...(a.attendance?.capacity !== undefined ? [`${c.id}|capacity|定員|${a.attendance.capacity}`] : []),
        ...(a.figures ?? []).map((f) => `${c.id}|figure|${f.label}|${f.value}`),
      ]),
    ]);
    expect(expected.length).toBeGreaterThan(0);
    const rows = parseCsv(text(paths.dataFile('model-project-figures.csv'))).data;
    expect(rows.map((r) => `${r['協議会ID']}|${r['数値の種類']}|${r['項目']}|${r['値']}`).sort()).toEqual(
      expected.sort(),
    );
    for (const r of rows.filter((x) => x['活動ID']))
      expect(r['ページURL']).toMatch(new RegExp(`#activity-${r['活動ID']}$`));
  });
});

describe('JSON downloads', () => {
  test.each(DATASET_NAMES)(
    'data/%s.json passes its schema and has one record per entity, each with every documented key',
    (name) => {
      const doc = envelope(name, itemSchemas[name]).parse(JSON.parse(text(paths.dataFile(`${name}.json`))));
      expect(doc.count).toBe(entities[name].length);
      expect(doc.items).toHaveLength(entities[name].length);
      const keys = DATASETS[name].fields
        .filter((f) => f.inJson)
        .map((f) => f.key)
        .sort();
      for (const item of doc.items as Array<Record<string, unknown>>) expect(Object.keys(item).sort()).toEqual(keys);
    },
  );
  test('generatedAt is the same in every file (reproducible, not the clock)', () => {
    const stamps = new Set(DATASET_NAMES.map((n) => JSON.parse(text(paths.dataFile(`${n}.json`))).generatedAt));
    expect(stamps.size).toBe(1);
  });
  test('data/coops.geojson: a FeatureCollection with one point per organisation that has a place', () => {
    const geo = z
      .object({
        type: z.literal('FeatureCollection'),
        features: z.array(
          z.object({
            type: z.literal('Feature'),
            geometry: z.object({
              type: z.literal('Point'),
              coordinates: z.tuple([z.number().min(122).max(154), z.number().min(20).max(46)]),
            }),
            properties: z.looseObject({
              id: z.string(),
              name: z.string(),
              precision: z.enum(['address', 'municipality', 'prefecture']),
            }),
          }),
        ),
      })
      .parse(JSON.parse(text(paths.dataFile('coops.geojson'))));
    const expected = dir.coops
      .filter((c) => placeOf(c, bodies))
      .map((c) => c.id)
      .sort();
    expect(geo.features.map((f) => f.properties.id).sort()).toEqual(expected);
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The JSON-LD objects of a page. */
function jsonLd(html: string): Array<Record<string, any>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe('structured data (schema.org JSON-LD)', () => {
  test.each(dir.coops.map((c) => [c.id, c] as const))(
    'co-op %s: Organization with name, address, areaServed, url, sameAs',
    (_id, c) => {
      const [ld, ...rest] = jsonLd(page(paths.coop(c.id)));
      expect(rest).toEqual([]);
      expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', name: c.name });
      expect(ld!.address['@type']).toBe('PostalAddress');
      expect(ld!.address.addressCountry).toBe('JP');
      if (c.prefecture) expect(ld!.address.addressRegion).toBe(bodies.get(c.prefecture)!.name);
      if (c.municipality) expect(ld!.address.addressLocality).toBe(bodies.get(c.municipality)!.name);
      if (c.area || c.municipality || c.prefecture) expect(ld!.areaServed.name).toBeTruthy();
      expect(typeof ld!.url).toBe('string');
      if (c.contact?.website) {
        expect(ld!.url).toBe(c.contact.website);
        expect(ld!.sameAs).toEqual([c.contact.website]);
      } else expect(ld!.url).toMatch(new RegExp(`/coops/${c.id}/$`));
    },
  );
  test.each(dir.bodies.map((b) => [b.id, b] as const))(
    'public body %s: GovernmentOrganization with name, address, areaServed',
    (_id, b) => {
      const [ld] = jsonLd(page(paths.body(b.id)));
      expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'GovernmentOrganization', name: b.name });
      expect(ld!.address['@type']).toBe('PostalAddress');
      expect(ld!.areaServed.name).toBe(b.kind === '国' ? '日本' : b.name);
      if (/^\d{6}$/.test(b.id)) expect(ld!.identifier.value).toBe(b.id);
    },
  );
});

describe('feed', () => {
  const xml = () => text(paths.feed());
  test('feed.xml is well-formed Atom with one entry per newest organisation or contract', () => {
    expect(XMLValidator.validate(xml())).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml());
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = doc.feed.entry as Array<Record<string, any>>;
    expect(entries).toHaveLength(Math.min(50, dir.coops.length + dir.contracts.length));
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const updated = entries.map((e) => e.updated as string);
    expect([...updated].sort().reverse()).toEqual(updated);
    // Every entry's link leads to a built page.
    for (const e of entries) {
      const href = new URL(e.link['@_href'], 'http://x/').pathname.replace(/^\//, '');
      expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    }
  });
});

describe('pages', () => {
  const htmlFiles = distFiles().filter((f) => f.endsWith('.html'));
  test('every page has OGP and Twitter card meta; the feed is announced; no canonical points to an invented domain', () => {
    for (const f of htmlFiles.filter((f) => !f.startsWith('embed/'))) {
      const html = page(f);
      for (const meta of [
        'property="og:title"',
        'property="og:description"',
        'property="og:type"',
        'property="og:site_name"',
        'name="twitter:card"',
      ])
        expect(html, `${f} ${meta}`).toContain(meta);
      expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feed\.xml"/);
      for (const m of html.matchAll(/<link rel="canonical" href="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
    }
  });
  test('the footer links to the open data on every page', () => {
    for (const f of htmlFiles.filter((f) => !f.startsWith('embed/'))) {
      expect(page(f), f).toMatch(
        f.startsWith('en/')
          ? /<footer[\s\S]*href="\/en\/data\/"[^>]*>Open data</
          : /<footer[\s\S]*href="\/data\/"[^>]*>オープンデータ</,
      );
    }
  });
  test('/data/ documents every column and key of every download, the licence and how to cite', () => {
    const html = page(paths.data());
    for (const ds of Object.values(DATASETS)) {
      for (const f of ds.fields) {
        if (f.header) expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${escapeRe(f.header)}</th>`));
        if (f.inJson) expect(html).toMatch(new RegExp(`<code[^>]*>${escapeRe(f.key)}</code>`));
      }
      expect(html).toContain(`href="/${paths.dataFile(`${ds.name}.csv`)}"`);
      expect(html).toContain(`href="/${paths.dataFile(`${ds.name}.json`)}"`);
    }
    expect(html).toContain('CC BY 4.0');
    expect(html).toContain('id="cite-this-heading"');
  });
  test.each(dir.bodies.map((b) => [b.id, b] as const))(
    'public body %s offers its CSV only when it has contracts, and an iframe snippet for its embed page',
    (_id, b) => {
      const html = page(paths.body(b.id));
      const n = contractsCommissionedBy(b.id, dir.contracts).length;
      if (n > 0) expect(html).toContain(`href="/${paths.bodyContractsCsv(b.id)}"`);
      else expect(html).not.toContain(`href="/${paths.bodyContractsCsv(b.id)}"`);
      expect(html).not.toContain('（CSV、0件）');
      expect(html).not.toContain('SITE_URL');
      const snippet = /<pre class="snippet"[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '';
      expect(snippet.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>')).toMatch(
        new RegExp(`^<iframe src="/${paths.embed(b.id)}" title="[^"]+" [^>]*></iframe>$`),
      );
    },
  );
});

describe('embed pages', () => {
  test.each(dir.bodies.map((b) => [b.id, b] as const))(
    'embed/%s lists its contracts and co-ops; every link opens a new tab safely; not indexed',
    (_id, b) => {
      const html = page(paths.embed(b.id));
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).not.toMatch(/<header|<nav|<footer/);
      const contracts = [...html.matchAll(/data-contract="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(contracts).toEqual(
        contractsCommissionedBy(b.id, dir.contracts)
          .map((c) => c.id)
          .sort(),
      );
      const coops = [...html.matchAll(/data-coop="([^"]+)"/g)].map((m) => m[1]).sort();
      const located = coopsIn(b, dir.coops, bodies);
      // A prefecture past one list page (src/lib/views/lists.ts) links to its list instead.
      if (b.kind === '都道府県' && needsSplit(located.length)) {
        expect(coops).toEqual([]);
        expect(html).toContain(`href="/${paths.coopsIn(b.id)}"`);
      } else expect(coops).toEqual(located.map((c) => c.id).sort());
      const anchors = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
      expect(anchors.length).toBeGreaterThan(1);
      for (const a of anchors) expect(a).toMatch(/target="_blank" rel="noopener noreferrer"/);
      expect(html).toContain(`href="/${paths.body(b.id)}"`);
    },
  );
});

describe('an isolated build with SITE_URL and a base path', () => {
  const { site, base } = SUB_PATH;
  let r: BuildResult;
  beforeAll(async () => {
    r = await subPathBuild();
    expect(r.status, r.output).toBe(0);
  });
  const built = () => distFilesUnder(r.outDir);
  test('the sitemap lists every page (not embeds, not the 404 page), with absolute URLs under the base', () => {
    expect(existsSync(join(r.outDir, 'sitemap-index.xml'))).toBe(true);
    const index = new XMLParser({ isArray: (n) => n === 'sitemap' || n === 'url' }).parse(
      text('sitemap-index.xml', r.outDir),
    );
    const locs: string[] = [];
    for (const s of index.sitemapindex.sitemap as Array<{ loc: string }>) {
      expect(s.loc.startsWith(`${site}${base}`)).toBe(true);
      const xml = text(s.loc.slice(`${site}${base}`.length), r.outDir);
      expect(XMLValidator.validate(xml)).toBe(true);
      locs.push(
        ...(new XMLParser({ isArray: (n) => n === 'url' }).parse(xml).urlset.url as Array<{ loc: string }>).map(
          (u) => u.loc,
        ),
      );
    }
    const pages = built()
      .filter((f) => f.endsWith('index.html') && !f.startsWith('embed/'))
      .map((f) => `${site}${base}${f.replace(/index\.html$/, '')}`)
      .sort();
    expect([...locs].sort()).toEqual(pages);
  });
  test('canonical, og:url, JSON-LD, feed and CSV URLs become absolute', () => {
    const coop = dir.coops[0]!;
    const html = text(join(paths.coop(coop.id), 'index.html'), r.outDir);
    const url = `${site}${base}${paths.coop(coop.id)}`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toContain(`<meta property="og:url" content="${url}">`);
    expect(jsonLd(html)[0]!.mainEntityOfPage).toBe(url);
    const feed = text('feed.xml', r.outDir);
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${site}${base}feed.xml"/>`);
    const row = parseCsv(text(paths.dataFile('coops.csv'), r.outDir)).data.find((x) => x['ID'] === coop.id)!;
    expect(row['ページURL']).toBe(url);
    const body = dir.bodies[0]!;
    expect(text(join(paths.body(body.id), 'index.html'), r.outDir)).toContain(
      `&lt;iframe src=&quot;${site}${base}${paths.embed(body.id)}&quot;`,
    );
  });
  test('robots.txt names the sitemap', () => {
    expect(text('robots.txt', r.outDir)).toContain(`Sitemap: ${site}${base}sitemap-index.xml`);
  });
  test('the 404 page has no canonical', () => {
    expect(text('404.html', r.outDir)).not.toContain('rel="canonical"');
  });
});

/** Every file under a folder, relative to it. */
function distFilesUnder(root: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) =>
      statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(root, join(d, n))],
    );
  return walk(root);
}
