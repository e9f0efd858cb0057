/**
 * /datapackage.json: valid against the official Data Package v2 profile
 * (vendored in tests/fixtures/frictionless), describes every CSV download in
 * dist/ (and only those), each resource's header row equals its fields, every
 * cell fits its field's type, and primary and foreign keys hold.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DIST, distFiles, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { DATASET_NAMES } from '../../src/lib/publish/datasets/index.ts';
import { HOUJIN_TERMS_PAGE } from '../../src/lib/registry/houjin.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);
const read = (p: string) => readFileSync(join(DIST, p), 'utf8');
const fixture = (f: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/frictionless', f), 'utf8'));
type Field = { name: string; type: string };
type Resource = {
  name: string;
  path: string;
  encoding: string;
  dialect: { lineTerminator: string };
  schema:
    | string
    | {
        fields: Field[];
        primaryKey?: string[];
        foreignKeys?: Array<{ fields: string[]; reference: { resource?: string; fields: string[] } }>;
      };
};

function csv(path: string) {
  const raw = readFileSync(join(DIST, path));
  expect([...raw.subarray(0, 3)], path).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(raw.toString('utf8').replace(/^\uFEFF/, ''), {
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(parsed.errors, path).toEqual([]);
  return { header: parsed.data[0]!, rows: parsed.data.slice(1) };
}
const fits: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v),
  boolean: (v) => v === 'true' || v === 'false',
};

describe('datapackage.json', () => {
  const pkg = () => JSON.parse(read('datapackage.json')) as { resources: Resource[] } & Record<string, unknown>;
  test('validates against the Data Package v2 profile; each published Table Schema against the Table Schema profile', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(fixture('datapackage-2.0.json'));
    expect(validate(pkg()), ajv.errorsText(validate.errors)).toBe(true);
    const validateTs = ajv.compile(fixture('tableschema-2.0.json'));
    for (const name of DATASET_NAMES) {
      const ts = JSON.parse(read(`data/${name}.tableschema.json`));
      expect(validateTs(ts), `${name}: ${ajv.errorsText(validateTs.errors)}`).toBe(true);
    }
  });
  test('describes every CSV download in dist/, and nothing else', () => {
    const described = pkg()
      .resources.map((r) => r.path)
      .sort();
    expect(described).toEqual(
      distFiles()
        .filter((f) => f.endsWith('.csv'))
        .sort(),
    );
    // One per public body that commissions something (counted from content/).
    expect(pkg().resources.filter((r) => r.path.startsWith('data/contracts/'))).toHaveLength(
      new Set(dir.contracts.map((c) => c.commissioner)).size,
    );
  });
  test('each resource: UTF-8 with BOM, CRLF, header row equal to its fields, cells fit their types', () => {
    for (const r of pkg().resources) {
      expect(existsSync(join(DIST, r.path)), r.path).toBe(true);
      expect(r.encoding).toBe('utf-8-sig');
      expect(r.dialect.lineTerminator).toBe('\r\n');
      const schema = typeof r.schema === 'string' ? JSON.parse(read(r.schema)) : r.schema;
      const { header, rows } = csv(r.path);
      expect(header, r.path).toEqual(schema.fields.map((f: Field) => f.name));
      for (const row of rows) {
        schema.fields.forEach((f: Field, i: number) => {
          const v = row[i]!;
          if (v !== '') expect(fits[f.type]!(v), `${r.path} ${f.name}=${v} (${f.type})`).toBe(true);
        });
      }
    }
  });
  test('primary keys are unique and foreign keys resolve', () => {
    const resources = pkg().resources.filter((r) => typeof r.schema !== 'string');
    const table = (name: string) => {
      const r = resources.find((x) => x.name === name)!;
      const { header, rows } = csv(r.path);
      return { header, rows, col: (h: string) => rows.map((row) => row[header.indexOf(h)]!) };
    };
    for (const r of resources) {
      if (typeof r.schema === 'string') continue;
      const t = table(r.name);
      if (r.schema.primaryKey) {
        const keys = t.col(r.schema.primaryKey[0]!);
        expect(new Set(keys).size, r.name).toBe(keys.length);
      }
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = table(fk.reference.resource ?? r.name);
        const known = new Set(target.col(fk.reference.fields[0]!));
        const missing = t.col(fk.fields[0]!).filter((v) => v !== '' && !known.has(v));
        expect(missing, `${r.name}.${fk.fields[0]} → ${fk.reference.resource ?? r.name}`).toEqual([]);
      }
    }
  });
  test('licences: CC BY 4.0 for the compilation, ODbL where OpenStreetMap points are included, the registry terms on co-ops', () => {
    type Licence = { name?: string; path?: string };
    const p = pkg() as { licenses: Licence[]; resources: Array<Resource & { licenses: Licence[] }> };
    const id = (l: Licence) => l.name ?? l.path;
    expect(p.licenses.map(id)).toEqual(['CC-BY-4.0', 'ODbL-1.0', HOUJIN_TERMS_PAGE]);
    const byName = new Map(p.resources.map((r) => [r.name, r.licenses.map(id)]));
    expect(byName.get('municipalities')).toContain('ODbL-1.0');
    expect(byName.get('coops')).toContain(HOUJIN_TERMS_PAGE);
    expect(byName.get('categories')).toEqual(['CC-BY-4.0']);
  });
});
