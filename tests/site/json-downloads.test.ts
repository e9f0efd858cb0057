/**
 * The JSON downloads of the built site: every data/<dataset>.json passes its schema (zod) with one record per entity
 * in content/ and every documented key, all carry the same generatedAt, and data/coops.geojson holds one point per
 * organisation that has a place.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { datasetEntities, text } from '../helpers/open-data.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { indexById, placeOf } from '../../src/lib/model/directory.ts';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../src/lib/publish/datasets/index.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const entities = datasetEntities(dir);
beforeAll(requireDist);

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
