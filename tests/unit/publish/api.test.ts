/**
 * The JSON API's documents and schemas, built from content/ without Astro:
 * every schema compiles under ajv's strict draft 2020-12 mode, every entity's
 * document validates, and the zod rules that JSON Schema can say (dates,
 * URLs, a source's url-or-document) are carried over.
 */
import { describe, expect, test } from 'vitest';
import {
  API_COLLECTIONS,
  apiPaths,
  collectionIndex,
  documentSchema,
  entitiesOf,
  entityDocument,
  entitySchema,
  indexSchema,
  licenceParts,
  rootIndex,
  rootSchema,
} from '../../../src/lib/publish/api.ts';
import { exportDates } from '../../../src/lib/publish/datasets/index.ts';
import { loadContentDirectory } from '../../helpers/content.ts';
import { errorsText, makeAjv } from '../../helpers/ajv.ts';

const dir = loadContentDirectory();
const dates = exportDates(dir);
const url = (p: string) => `/${p}`;
const ajv = makeAjv();

describe('JSON API documents validate against their schemas', () => {
  test.each(API_COLLECTIONS)('%s: every entity, and the index', (c) => {
    const validate = ajv.compile(documentSchema(c));
    const entities = entitiesOf(dir, c);
    expect(entities.length).toBeGreaterThan(0);
    for (const e of entities) {
      const doc = JSON.parse(JSON.stringify(entityDocument(c, e, dates, url)));
      expect(validate(doc), `${c}/${e.id}: ${errorsText(validate)}`).toBe(true);
      expect(doc.data.id).toBe(e.id);
    }
    const vi = ajv.compile(indexSchema(c));
    const index = collectionIndex(c, dir, dates, url);
    expect(vi(JSON.parse(JSON.stringify(index))), errorsText(vi)).toBe(true);
    expect(index.items.map((i) => i.id)).toEqual(entities.map((e) => e.id));
    expect(index.items[0]!.url).toBe(url(apiPaths.entity(c, entities[0]!.id)));
  });
  test('the root index lists every collection with its count', () => {
    const v = ajv.compile(rootSchema());
    const root = rootIndex(dir, dates, url);
    expect(v(JSON.parse(JSON.stringify(root))), errorsText(v)).toBe(true);
    expect(root.collections.map((c) => c.count)).toEqual(API_COLLECTIONS.map((c) => entitiesOf(dir, c).length));
  });
  test('documentTemplate is a URI template with {id}, also when URLs are absolute (SITE_URL)', () => {
    const absolute = (p: string) => new URL(`/sub/${p}`, 'https://atlas.example.org').href;
    for (const u of [url, absolute]) {
      const listed = rootIndex(dir, dates, u).collections;
      API_COLLECTIONS.forEach((c, i) => {
        expect(listed[i]!.documentTemplate).toMatch(/\{id\}\.json$/);
        const id = entitiesOf(dir, c)[0]!.id;
        expect(listed[i]!.documentTemplate.replace('{id}', id)).toBe(u(apiPaths.entity(c, id)));
      });
    }
  });
});

describe('schemas keep the rules of the zod schemas', () => {
  const validate = ajv.compile(documentSchema('categories'));
  const cat = dir.categories[0]!;
  const doc = (data: unknown) => JSON.parse(JSON.stringify({ ...entityDocument('categories', cat, dates, url), data }));
  test('a valid category passes; an unknown field, a bad date, a javascript: URL or a source without url/document fail', () => {
    expect(validate(doc(cat))).toBe(true);
    expect(validate(doc({ ...cat, extra: 1 }))).toBe(false);
    expect(validate(doc({ ...cat, sources: [{ title: 't', url: 'https://example.org/', seen: '2025-13' }] }))).toBe(
      false,
    );
    expect(validate(doc({ ...cat, sources: [{ title: 't', url: 'javascript:alert(1)', seen: '2025' }] }))).toBe(false);
    expect(validate(doc({ ...cat, sources: [{ title: 't', seen: '2025' }] }))).toBe(false);
    expect(validate(doc({ ...cat, sources: [{ title: 't', document: '配布資料' }] }))).toBe(false);
    expect(validate(doc({ ...cat, sources: [] }))).toBe(false);
  });
  test('references are id strings; defaults are required in the output (io: output)', () => {
    const coop = entitySchema('coops') as { properties: Record<string, { type?: string; items?: { type?: string } }> };
    expect(coop.properties.parent!.type).toBe('string');
    expect(coop.properties.categories!.items!.type).toBe('string');
    const guide = entitySchema('guides') as { required: string[] };
    expect(guide.required).toContain('order');
  });
  test('public bodies credit the code list, and OpenStreetMap points are marked ODbL', () => {
    const withPoint = dir.bodies.find((b) => b.location && /OpenStreetMap/.test(b.locationSource ?? ''));
    if (withPoint) expect(licenceParts('municipalities', withPoint as never).map((p) => p.name)).toContain('ODbL 1.0');
    const plain = dir.coops.find((c) => c.registry === undefined && c.corporateNumber === undefined)!;
    expect(licenceParts('coops', plain as never)).toEqual([]);
    const parts = licenceParts('coops', { corporateNumber: '7000012050002', registry: { asOf: '2026-10-31' } });
    expect(parts.map((p) => p.fields)).toEqual([['corporateNumber', 'registry']]);
    expect(parts[0]!.attribution).toContain('2026-10-31作成');
  });
});
