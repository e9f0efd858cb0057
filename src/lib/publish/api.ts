/**
 * The static JSON API under /api/: one document per entity, an index per
 * collection, a root index, and a JSON Schema (draft 2020-12) for each,
 * generated from the zod schemas of src/lib/model/schemas/index.ts with z.toJSONSchema.
 * Pure functions over the plain directory; src/pages/api/ only serialises.
 */
import { z } from 'astro/zod';
import type { Directory, Source } from '../model/types.ts';
import {
  COLLECTION_NAMES,
  DATE_PATTERN,
  WEB_URL_PATTERN,
  folderOf,
  idRef,
  partialDate,
  pastDate,
  schemasFor,
  source,
  webUrl,
  type CollectionName,
} from '../model/schemas/index.ts';
import { lastChecked } from '../model/directory.ts';
import { ATTRIBUTION, LICENSE } from './datasets/index.ts';
import { paths } from '../model/paths.ts';
import { HOUJIN_TERMS_PAGE } from '../registry/houjin.ts';
import { registryCredit, type RegistryVia } from '../registry/credit.ts';

/** Version of the API's document shapes; raised when a field changes meaning or is removed. */
export const API_VERSION = 1;

/** The licence of the compilation, in the API's words. */
export const API_LICENCE = {
  name: LICENSE.name,
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: ATTRIBUTION,
} as const;

/** Open Database License, for representative points taken from OpenStreetMap. */
export const ODBL = {
  name: 'ODbL 1.0',
  url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  attribution: '© OpenStreetMap contributors',
} as const;

/** The licence of one part of a document that is not under the compilation's licence, or needs its own credit. */
export interface LicencePart {
  /** JSON paths inside `data` the part covers, e.g. 'location'. */
  fields: string[];
  name: string;
  url?: string;
  attribution: string;
}

/** The plain entities of a collection, as loaded into the directory. */
export function entitiesOf(dir: Directory, c: CollectionName): Array<{ id: string; sources: Source[] }> {
  const key = c === 'municipalities' ? 'bodies' : c;
  return dir[key] ?? [];
}

/** The entry the /data/ pages show as an example document: the smallest of any collection (ties by id), so it is real and short. */
export function exampleEntry(dir: Directory): { c: CollectionName; e: { id: string; sources: Source[] } } | undefined {
  return API_COLLECTIONS.flatMap((c) => entitiesOf(dir, c).map((e) => ({ c, e, size: JSON.stringify(e).length }))).sort(
    (x, y) => x.size - y.size || (x.e.id < y.e.id ? -1 : 1),
  )[0];
}

/** The URL segment of a collection (its content/ folder name: national-counts for nationalCounts). */
export const segmentOf = (c: CollectionName): string => folderOf(c);

/** Every collection, in the order the API lists them. */
export const API_COLLECTIONS: readonly CollectionName[] = COLLECTION_NAMES;

/** What each collection holds, in English (the API's field names are English too). */
export const API_COLLECTION_TITLES: Record<CollectionName, string> = {
  coops: 'Organisations: worker co-operatives, federations, networks, regional headquarters and sites',
  categories: 'Service categories',
  municipalities:
    'Public bodies: the national ministry, prefectures, cities, wards, towns and villages (id = local government code)',
  contracts: 'Contracts: one public body commissioning one organisation for one programme',
  councils: 'Model-project councils: members, plans, activities and reported figures',
  programmes: 'National programmes (the worker co-operative model project)',
  guides: 'Explainer pages (frontmatter only)',
  nationalCounts: 'National counts of worker co-operatives at a date',
};

/** Paths (relative to the base) of the API's files. */
export const apiPaths = {
  root: () => 'api/index.json',
  rootSchema: () => 'api/index.schema.json',
  index: (c: CollectionName) => `api/${segmentOf(c)}/index.json`,
  indexSchema: (c: CollectionName) => `api/${segmentOf(c)}/index.schema.json`,
  schema: (c: CollectionName) => `api/${segmentOf(c)}/schema.json`,
  entity: (c: CollectionName, id: string) => `api/${segmentOf(c)}/${id}.json`,
};

/** File names under api/<collection>/ that are not entities; an entity with such an id would clash. */
export const RESERVED_IDS = ['index', 'schema', 'index.schema'] as const;

/** The site page that shows an entity (base-relative path), when it has one. */
export function pageOf(c: CollectionName, entity: { id: string } & Record<string, unknown>): string | undefined {
  switch (c) {
    case 'coops':
      return paths.coop(entity.id);
    case 'categories':
      return paths.category(entity.id);
    case 'municipalities':
      return paths.body(entity.id);
    case 'contracts':
      return typeof entity.commissioner === 'string' ? paths.body(entity.commissioner) : undefined;
    case 'councils':
      return paths.council(entity.id);
    case 'programmes':
      return paths.modelProject();
    case 'guides':
      return paths.guide(entity.id);
    case 'nationalCounts':
      return paths.stats();
  }
}

/** Parts of an entity under another licence or needing their own credit. */
export function licenceParts(c: CollectionName, entity: Record<string, unknown>): LicencePart[] {
  if (c === 'coops') {
    // Corporate numbers and registry records from the National Tax Agency's site: 公共データ利用規約（第1.0版）, with its credit line.
    const registry = entity.registry as { asOf?: string; via?: RegistryVia } | undefined;
    if (registry === undefined && entity.corporateNumber === undefined) return [];
    const fields = ['corporateNumber', ...(registry ? ['registry'] : [])];
    return [
      {
        fields,
        name: '公共データ利用規約（第1.0版）',
        url: HOUJIN_TERMS_PAGE,
        attribution: registryCredit(registry),
      },
    ];
  }
  if (c !== 'municipalities') return [];
  const parts: LicencePart[] = [
    {
      fields: ['id', 'name', 'reading', 'kind', 'prefecture', 'parent'],
      name: '全国地方公共団体コード（総務省）',
      url: 'https://www.soumu.go.jp/denshijiti/code.html',
      attribution: '総務省「全国地方公共団体コード」',
    },
  ];
  const src = typeof entity.locationSource === 'string' ? entity.locationSource : '';
  if (entity.location && /OpenStreetMap/i.test(src)) parts.push({ fields: ['location', 'locationSource'], ...ODBL });
  return parts;
}

/** The reproducible dates of the build (see exportDates in publish/datasets/define.ts). */
export interface ApiDates {
  generatedAt: string;
  dataAsOf: string | undefined;
}

/** The JSON-serialisable copy of an entity (undefined fields dropped, key order kept). */
function plainCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The document for one entity. `url` turns a base-relative path into the URL written in the data. */
export function entityDocument(
  c: CollectionName,
  entity: { id: string; sources: Source[] },
  dates: ApiDates,
  url: (p: string) => string,
) {
  const page = pageOf(c, entity);
  return {
    $schema: url(apiPaths.schema(c)),
    version: API_VERSION,
    collection: segmentOf(c),
    id: entity.id,
    generatedAt: dates.generatedAt,
    asOf: lastChecked(entity.sources) ?? null,
    licence: { ...API_LICENCE, parts: licenceParts(c, entity) },
    page: page === undefined ? null : url(page),
    data: plainCopy(entity),
  };
}

/** The index of one collection: every id with its document's URL and page. */
export function collectionIndex(c: CollectionName, dir: Directory, dates: ApiDates, url: (p: string) => string) {
  const items = entitiesOf(dir, c).map((e) => {
    const rec = e as unknown as Record<string, unknown>;
    // What a reader calls the entry: its name or title; a contract by its programme; a national count by its date.
    const label =
      [rec.name, rec.title, rec.programme, rec.asOf].find((v): v is string => typeof v === 'string') ?? e.id;
    const page = pageOf(c, rec as { id: string } & Record<string, unknown>);
    return { id: e.id, name: label, url: url(apiPaths.entity(c, e.id)), page: page === undefined ? null : url(page) };
  });
  return {
    $schema: url(apiPaths.indexSchema(c)),
    version: API_VERSION,
    collection: segmentOf(c),
    title: API_COLLECTION_TITLES[c],
    generatedAt: dates.generatedAt,
    dataAsOf: dates.dataAsOf ?? null,
    licence: API_LICENCE,
    schema: url(apiPaths.schema(c)),
    documentation: url(paths.data()),
    count: items.length,
    items,
  };
}

/** The root index: every collection with its index, schema and count. */
export function rootIndex(dir: Directory, dates: ApiDates, url: (p: string) => string) {
  return {
    $schema: url(apiPaths.rootSchema()),
    version: API_VERSION,
    generatedAt: dates.generatedAt,
    dataAsOf: dates.dataAsOf ?? null,
    licence: API_LICENCE,
    documentation: url(paths.data()),
    collections: API_COLLECTIONS.map((c) => ({
      name: segmentOf(c),
      title: API_COLLECTION_TITLES[c],
      count: entitiesOf(dir, c).length,
      index: url(apiPaths.index(c)),
      schema: url(apiPaths.schema(c)),
      indexSchema: url(apiPaths.indexSchema(c)),
      // A URI template (RFC 6570): an absolute URL would percent-encode its braces, so they are put back.
      documentTemplate: url(apiPaths.entity(c, '{id}')).replace('%7Bid%7D', '{id}'),
    })),
  };
}

/** zod → JSON Schema for what the API publishes: output types, with the formats zod's refinements stand for. */
function toJson(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    // Every schema here is representable (preprocess and refine show their output side); fail the build if one is not.
    unrepresentable: 'throw',
    override: (ctx) => {
      const zs = ctx.zodSchema as unknown;
      if (zs === partialDate || zs === pastDate) ctx.jsonSchema.pattern = DATE_PATTERN;
      // The same test as webUrl's refinement (format: 'uri' would refuse the publishers' URLs that hold Japanese characters).
      if (zs === webUrl) ctx.jsonSchema.pattern = WEB_URL_PATTERN;
      // The source refinements: a url or a document, and at least one date.
      if (zs === source) {
        ctx.jsonSchema.allOf = [
          { anyOf: [{ required: ['url'] }, { required: ['document'] }] },
          { anyOf: [{ required: ['asOf'] }, { required: ['published'] }, { required: ['seen'] }] },
        ];
      }
    },
  });
}

/** The JSON Schema of one entity of a collection (the collection's zod schema, references as id strings, plus `id`). */
export function entitySchema(c: CollectionName): Record<string, unknown> {
  const base = schemasFor(idRef)[c] as z.ZodObject;
  const withId = z.strictObject({
    id: z
      .string()
      .min(1)
      .describe(
        c === 'municipalities'
          ? '全国地方公共団体コード（6桁）または国の機関の id'
          : 'ファイル名から決まる識別子（変えません）',
      ),
    ...base.shape,
  });
  const { $schema: _drop, ...rest } = toJson(withId);
  return rest;
}

const S2020 = 'https://json-schema.org/draft/2020-12/schema';
const str = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDay = { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] } as const;
const urlOrPath = { type: 'string', minLength: 1 } as const;
const licenceSchema = {
  type: 'object',
  properties: { name: str, url: { type: 'string', format: 'uri' }, attribution: str },
  required: ['name', 'url', 'attribution'],
};

/** The JSON Schema of /api/<collection>/<id>.json. */
export function documentSchema(c: CollectionName) {
  return {
    $schema: S2020,
    title: `Roukyou Atlas API: one entry of ${segmentOf(c)}`,
    description: API_COLLECTION_TITLES[c],
    type: 'object',
    properties: {
      $schema: urlOrPath,
      version: { const: API_VERSION },
      collection: { const: segmentOf(c) },
      id: str,
      generatedAt: dateTime,
      asOf: {
        anyOf: [{ type: 'string', pattern: DATE_PATTERN }, { type: 'null' }],
        description:
          "The newest date among the entry's sources (情報の時点), as precise as the sources: YYYY, YYYY-MM or YYYY-MM-DD",
      },
      licence: {
        ...licenceSchema,
        properties: {
          ...licenceSchema.properties,
          parts: {
            type: 'array',
            description: 'Parts of data under another licence, or needing their own credit',
            items: {
              type: 'object',
              properties: {
                fields: { type: 'array', items: str, minItems: 1 },
                name: str,
                url: { type: 'string', format: 'uri' },
                attribution: str,
              },
              required: ['fields', 'name', 'attribution'],
              additionalProperties: false,
            },
          },
        },
        required: [...licenceSchema.required, 'parts'],
        additionalProperties: false,
      },
      page: { anyOf: [urlOrPath, { type: 'null' }], description: 'The page on the site that shows this entry' },
      data: entitySchema(c),
    },
    required: ['version', 'collection', 'id', 'generatedAt', 'asOf', 'licence', 'page', 'data'],
    additionalProperties: false,
  };
}

/** The JSON Schema of /api/<collection>/index.json. */
export function indexSchema(c: CollectionName) {
  return {
    $schema: S2020,
    title: `Roukyou Atlas API: index of ${segmentOf(c)}`,
    type: 'object',
    properties: {
      $schema: urlOrPath,
      version: { const: API_VERSION },
      collection: { const: segmentOf(c) },
      title: str,
      generatedAt: dateTime,
      dataAsOf: nullableDay,
      licence: { ...licenceSchema, additionalProperties: false },
      schema: urlOrPath,
      documentation: urlOrPath,
      count: { type: 'integer', minimum: 0 },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: str, name: str, url: urlOrPath, page: { anyOf: [urlOrPath, { type: 'null' }] } },
          required: ['id', 'name', 'url', 'page'],
          additionalProperties: false,
        },
      },
    },
    required: [
      'version',
      'collection',
      'title',
      'generatedAt',
      'dataAsOf',
      'licence',
      'schema',
      'documentation',
      'count',
      'items',
    ],
    additionalProperties: false,
  };
}

/** The JSON Schema of /api/index.json. */
export function rootSchema() {
  return {
    $schema: S2020,
    title: 'Roukyou Atlas API: collections',
    type: 'object',
    properties: {
      $schema: urlOrPath,
      version: { const: API_VERSION },
      generatedAt: dateTime,
      dataAsOf: nullableDay,
      licence: { ...licenceSchema, additionalProperties: false },
      documentation: urlOrPath,
      collections: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { enum: API_COLLECTIONS.map(segmentOf) },
            title: str,
            count: { type: 'integer', minimum: 0 },
            index: urlOrPath,
            schema: urlOrPath,
            indexSchema: urlOrPath,
            documentTemplate: urlOrPath,
          },
          required: ['name', 'title', 'count', 'index', 'schema', 'indexSchema', 'documentTemplate'],
          additionalProperties: false,
        },
      },
    },
    required: ['version', 'generatedAt', 'dataAsOf', 'licence', 'documentation', 'collections'],
    additionalProperties: false,
  };
}

/** Serialises a document the way every API file is written. */
export const toJsonText = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`;
