/**
 * The CMS configuration against the schemas it is generated from. The
 * schemas are walked independently of the generator, through their JSON
 * Schema (zod's `z.toJSONSchema`, input side: what a file may hold), and the
 * configuration's own tree is walked beside it: a field missing on either
 * side, a different required/optional, a select whose options are not the
 * enum's values, or a reference to another collection fails.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import {
  COLLECTION_NAMES,
  folderOf,
  idRef,
  schemasFor,
  type CollectionName,
} from '../../../src/lib/model/schemas/index.ts';
import { declaredFields, fieldDescriptions } from '../../../src/lib/model/schema-fields.ts';
import {
  CMS_COLLECTIONS,
  GUIDE_BODY,
  bodyOptions,
  cmsConfig,
  cmsConfigYaml,
  cmsSettingsFrom,
  githubRepoOf,
} from '../../../src/lib/publish/cms/config.ts';
import { cmsFields, labelOf, type CmsField } from '../../../src/lib/publish/cms/fields.ts';

const schemas = schemasFor(idRef);

/** A few public bodies made up for the test (codes are shapes only; names are not real bodies). */
const BODIES = bodyOptions([
  { id: '990001', name: 'テスト県' },
  { id: '990010', name: 'テスト市', prefecture: '990001' },
  { id: '990011', name: '北区', prefecture: '990001', parent: '990010' },
  { id: 'ministry', name: 'テスト省' },
]);
const config = cmsConfig({ repo: 'owner/name', bodies: BODIES });
const collections = config.collections as Array<{ name: CollectionName; fields: CmsField[] } & Record<string, unknown>>;
const collection = (c: CollectionName) => collections.find((x) => x.name === c)!;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  description?: string;
}

/** What one field is, read from the schema's JSON Schema or from the configuration. */
interface Leaf {
  required: boolean;
  kind: 'object' | 'list' | 'value';
  enum?: string[] | undefined;
}

/** Every field of a JSON Schema object, nested ones as `a.b` and list items as `a[].b`, with whether it is required. */
function schemaTree(js: JsonSchema, path = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  for (const [key, child] of Object.entries(js.properties ?? {})) {
    const p = path ? `${path}.${key}` : key;
    const required = js.required?.includes(key) ?? false;
    const item = child.type === 'array' ? child.items! : undefined;
    const enumOf = (s: JsonSchema | undefined) => (s?.enum ? s.enum.map(String) : undefined);
    if (child.type === 'object') {
      out.set(p, { required, kind: 'object' });
      schemaTree(child, p, out);
    } else if (item) {
      out.set(p, { required, kind: 'list', ...(enumOf(item) ? { enum: enumOf(item) } : {}) });
      if (item.type === 'object') schemaTree(item, `${p}[]`, out);
    } else out.set(p, { required, kind: 'value', ...(enumOf(child) ? { enum: enumOf(child) } : {}) });
  }
  return out;
}

/** The same for the configuration's fields. */
function configTree(fields: CmsField[], path = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  for (const f of fields) {
    const p = path ? `${path}.${f.name}` : f.name;
    const required = f.required !== false;
    const values = f.options?.map((o) => (typeof o === 'string' ? o : o.value));
    if (f.widget === 'object') {
      out.set(p, { required, kind: 'object' });
      configTree(f.fields!, p, out);
    } else if (f.widget === 'list' || f.multiple) {
      out.set(p, {
        required,
        kind: 'list',
        ...(f.widget === 'select' && f.options !== BODIES ? { enum: values } : {}),
      });
      if (f.fields) configTree(f.fields, `${p}[]`, out);
    } else
      out.set(p, {
        required,
        kind: 'value',
        ...(f.widget === 'select' && f.options !== BODIES ? { enum: values } : {}),
      });
  }
  return out;
}

/** Paths inside an object the file may leave out (Decap checks presence even there, so these are optional in the CMS). */
function inOptionalObject(path: string, tree: Map<string, Leaf>): boolean {
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join('.');
    if (parent.endsWith('[]')) return false; // a list item: the editor adds it, and fills what it requires
    const leaf = tree.get(parent);
    if (leaf?.kind === 'object' && !leaf.required) return true;
  }
  return false;
}

describe.each(COLLECTION_NAMES)('%s', (name) => {
  const schema = schemas[name] as z.ZodType;
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fromSchema = schemaTree(js);
  const c = collection(name);
  const fields = name === 'guides' ? c.fields.filter((f) => f !== GUIDE_BODY) : c.fields;
  const fromConfig = configTree(fields);

  test('every schema field is in the configuration, and the configuration has no field the schema lacks', () => {
    expect(fromSchema.size).toBeGreaterThan(0);
    expect([...fromSchema.keys()].filter((p) => !fromConfig.has(p))).toEqual([]);
    expect([...fromConfig.keys()].filter((p) => !fromSchema.has(p))).toEqual([]);
  });

  test('required and optional as the schema says (optional inside an optional object, and in a hand-kept body file)', () => {
    const wrong = [...fromSchema].filter(([p, s]) => {
      const expected =
        s.required &&
        !inOptionalObject(p, fromSchema) &&
        !(name === 'municipalities' && !p.includes('.') && p !== 'sources');
      return fromConfig.get(p)?.required !== expected;
    });
    expect(wrong.map(([p]) => p)).toEqual([]);
  });

  test('lists, objects and selects as the schema has them; select options are the enum values', () => {
    for (const [p, s] of fromSchema) {
      expect(fromConfig.get(p)?.kind, p).toBe(s.kind);
      expect(fromConfig.get(p)?.enum, p).toEqual(s.enum);
    }
  });

  test('references are relations to the collection (public bodies: a select of every body)', () => {
    const refs = declaredFields(schema).filter(([, rule]) => rule.ref);
    const byPath = new Map<string, CmsField>();
    const walk = (fs: CmsField[], path: string) => {
      for (const f of fs) {
        const p = path ? `${path}.${f.name}` : f.name;
        byPath.set(f.multiple ? `${p}[]` : p, f);
        if (f.fields) walk(f.fields, f.widget === 'list' ? `${p}[]` : p);
      }
    };
    walk(fields, '');
    for (const [path, { ref }] of refs) {
      const f = byPath.get(path);
      expect(f, path).toBeDefined();
      if (ref === 'municipalities') expect(f!.options, path).toBe(BODIES);
      else expect([f!.widget, f!.collection, f!.value_field], path).toEqual(['relation', ref, '{{slug}}']);
    }
    expect([...byPath.values()].filter((f) => f.widget === 'relation' || f.options === BODIES).length).toBe(
      refs.length,
    );
  });

  test("labels and hints come from the fields' descriptions", () => {
    const described = new Map(fieldDescriptions(schema));
    const walk = (fs: CmsField[], path: string) => {
      for (const f of fs) {
        const p = path ? `${path}.${f.name}` : f.name;
        const d = described.get(p);
        expect(f.label, p).toBe(labelOf(d, f.name));
        expect(f.hint ?? f.label, p).toBe(d);
        if (f.fields) walk(f.fields, f.widget === 'list' ? `${p}[]` : p);
      }
    };
    walk(fields, '');
  });

  test('the top-level fields in the schema order (Decap writes a file in that order), in the collection folder', () => {
    expect(fields.map((f) => f.name)).toEqual(Object.keys(js.properties!));
    expect(c.folder).toBe(`content/${folderOf(name)}`);
    expect(c.delete).toBe(false);
    expect(c.create).toBe(CMS_COLLECTIONS[name].slug !== undefined);
  });
});

test('dates are text in one of the three forms, numbers keep their type, URLs must be http(s)', () => {
  const coop = collection('coops').fields;
  const field = (fs: CmsField[], name: string) => fs.find((f) => f.name === name)!;
  const re = (f: CmsField) => new RegExp(f.pattern![0]);
  for (const v of ['2023', '2023-04', '2023-04-01']) expect(re(field(coop, 'registered')).test(v), v).toBe(true);
  for (const v of ['2023-4-1', '2023/04/01', '令和5年']) expect(re(field(coop, 'registered')).test(v), v).toBe(false);
  expect(field(coop, 'registered').widget).toBe('string');
  const lat = field(field(coop, 'location').fields!, 'lat');
  expect([lat.widget, lat.value_type, lat.min, lat.max]).toEqual(['number', 'float', 20, 46]);
  const order = field(collection('categories').fields, 'order');
  expect([order.widget, order.value_type]).toEqual(['number', 'int']);
  const website = field(field(coop, 'contact').fields!, 'website');
  expect(re(website).test('https://example.org/')).toBe(true);
  expect(re(website).test('javascript:alert(1)')).toBe(false);
});

test('guides: frontmatter fields, then a Markdown body with no code, image or component buttons', () => {
  const guides = collection('guides');
  expect([guides.extension, guides.format]).toEqual(['mdx', 'frontmatter']);
  const body = guides.fields.at(-1)!;
  expect(body.widget).toBe('markdown');
  expect(body.buttons!.filter((b) => /code/.test(b))).toEqual([]);
  expect(body.editor_components).toEqual([]);
});

test('the backend: the repository on GitHub, main, every edit a pull request; the YAML reads back as the same object', () => {
  expect(config.backend).toMatchObject({ name: 'github', repo: 'owner/name', branch: 'main' });
  expect(config.publish_mode).toBe('editorial_workflow');
  expect(config).not.toHaveProperty('local_backend');
  const yaml = cmsConfigYaml({ repo: 'owner/name', bodies: BODIES });
  expect(parse(yaml, { maxAliasCount: -1 })).toEqual(JSON.parse(JSON.stringify(config)));
  const local = cmsConfig({ bodies: BODIES, localBackendUrl: 'http://127.0.0.1:9/api/v1' });
  expect(local.local_backend).toEqual({ url: 'http://127.0.0.1:9/api/v1' });
  expect(local.backend).not.toHaveProperty('repo');
});

test('public bodies are offered by name with their prefecture, city and code; national bodies first', () => {
  expect(BODIES).toEqual([
    { label: 'テスト省（ministry）', value: 'ministry' },
    { label: 'テスト県（990001）', value: '990001' },
    { label: 'テスト県テスト市（990010）', value: '990010' },
    { label: 'テスト県テスト市北区（990011）', value: '990011' },
  ]);
});

test('settings from the environment: the GitHub repository of REPO_URL, the OAuth client; bad values named', () => {
  expect(githubRepoOf('https://github.com/owner/roukyou-atlas')).toBe('owner/roukyou-atlas');
  expect(githubRepoOf('https://github.com/owner/roukyou-atlas.git')).toBe('owner/roukyou-atlas');
  expect(() => githubRepoOf('https://gitlab.com/owner/name')).toThrow(/REPO_URL .*GitHub/);
  expect(cmsSettingsFrom({})).toEqual({});
  expect(
    cmsSettingsFrom({
      REPO_URL: 'https://github.com/owner/name/',
      CMS_AUTH_URL: 'https://auth.example.org/',
      CMS_AUTH_ENDPOINT: '/auth',
    }),
  ).toEqual({ repo: 'owner/name', authUrl: 'https://auth.example.org', authEndpoint: 'auth' });
  expect(() => cmsSettingsFrom({ CMS_AUTH_URL: 'http://auth.example.org' })).toThrow(/CMS_AUTH_URL/);
  const withAuth = cmsConfig({ repo: 'o/n', authUrl: 'https://auth.example.org', authEndpoint: 'auth', bodies: [] });
  expect(withAuth.backend).toMatchObject({ base_url: 'https://auth.example.org', auth_endpoint: 'auth' });
});

test('labels: the description up to its explanation, or the key when that is a list of values', () => {
  expect(labelOf('郵便番号（123-4567）', 'postalCode')).toBe('郵便番号');
  expect(labelOf('組織の種類: coop=組合', 'kind')).toBe('組織の種類');
  expect(labelOf('出典（一つ以上）。本文の…', 'sources')).toBe('出典');
  expect(labelOf('a=b、c=d', 'kind')).toBe('kind');
  expect(labelOf(undefined, 'x')).toBe('x');
});

test('a schema construct the form cannot show stops the build, naming the field', () => {
  const schema = z.strictObject({ outer: z.strictObject({ when: z.date() }) });
  expect(() => cmsFields(schema, { reference: () => ({}), path: 'coops' })).toThrow(/coops\.outer\.when.*date/);
});
