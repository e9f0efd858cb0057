/**
 * The static JSON API in dist/api/: every entity in content/ has its document
 * (and every entity with a page links to it), every collection its index and
 * schemas, and every JSON file under api/ validates (ajv, draft 2020-12)
 * against the schema published beside it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFiles, hasPage, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { errorsText, makeAjv } from '../helpers/ajv.ts';
import { API_COLLECTIONS, apiPaths, entitiesOf, pageOf, segmentOf } from '../../src/lib/publish/api.ts';
import { lastChecked } from '../../src/lib/model/directory.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);
const json = (p: string) => JSON.parse(readFileSync(join(DIST, p), 'utf8'));

describe('one JSON document per entity', () => {
  test.each(API_COLLECTIONS)('%s: every entry in content/ has api/<collection>/<id>.json holding its data', (c) => {
    const entities = entitiesOf(dir, c);
    expect(entities.length).toBeGreaterThan(0);
    for (const e of entities) {
      const route = apiPaths.entity(c, e.id);
      expect(existsSync(join(DIST, route)), route).toBe(true);
      const doc = json(route);
      expect(doc.id).toBe(e.id);
      expect(doc.collection).toBe(segmentOf(c));
      // The data is the entry as the schemas parse it (references as ids), nothing added, nothing lost.
      expect(doc.data, route).toEqual(JSON.parse(JSON.stringify(e)));
      expect(doc.asOf).toBe(lastChecked(e.sources) ?? null);
      const page = pageOf(c, e as never);
      if (page) {
        expect(hasPage(page), `${route} → ${page}`).toBe(true);
        expect(doc.page).toBe(`/${page}`);
      }
    }
    const index = json(apiPaths.index(c));
    expect(index.items.map((i: { id: string }) => i.id).sort()).toEqual(entities.map((e) => e.id).sort());
    expect(index.count).toBe(entities.length);
  });
  test('every entity page (co-op, category, public body, council, guide) has its JSON', () => {
    for (const c of ['coops', 'categories', 'municipalities', 'councils', 'guides'] as const) {
      for (const e of entitiesOf(dir, c)) {
        const page = pageOf(c, e as never)!;
        if (hasPage(page)) expect(existsSync(join(DIST, apiPaths.entity(c, e.id))), page).toBe(true);
      }
    }
  });
  test('api/index.json lists every collection, with version, generatedAt and licence', () => {
    const root = json(apiPaths.root());
    expect(root.collections.map((c: { name: string }) => c.name)).toEqual(API_COLLECTIONS.map(segmentOf));
    expect(root.version).toBeTypeOf('number');
    expect(root.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(root.licence.name).toBe('CC BY 4.0');
  });
});

describe('every JSON file under api/ validates against its published schema', () => {
  const ajv = makeAjv();
  const files = () =>
    distFiles().filter((f) => f.startsWith('api/') && f.endsWith('.json') && !f.endsWith('schema.json'));
  const schemaFor = (f: string) =>
    f === apiPaths.root()
      ? apiPaths.rootSchema()
      : f.endsWith('/index.json')
        ? f.replace(/index\.json$/, 'index.schema.json')
        : f.replace(/[^/]+\.json$/, 'schema.json');
  test('each document names its schema in $schema, and passes it', () => {
    const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
    const all = files();
    expect(all.length).toBe(1 + API_COLLECTIONS.reduce((n, c) => n + 1 + entitiesOf(dir, c).length, 0));
    for (const f of all) {
      const doc = json(f);
      const schemaPath = schemaFor(f);
      expect(doc.$schema, f).toBe(`/${schemaPath}`);
      let validate = compiled.get(schemaPath);
      if (!validate) {
        validate = ajv.compile(json(schemaPath));
        compiled.set(schemaPath, validate);
      }
      expect(validate(doc), `${f}: ${errorsText(validate)}`).toBe(true);
    }
  });
});
