/**
 * How a download is defined: one definition per dataset gives the CSV
 * columns, the JSON fields and the documentation on /data/, so the three
 * never drift apart. A column that copies a schema field takes its
 * description from the schema's .describe(). The datasets are the other
 * files of this folder; index.ts lists them and serialises.
 */
import { z } from 'astro/zod';
import type { Body, Category, Coop, Directory, Source } from '../../model/types.ts';
import { buildIndex, type DirectoryIndex } from '../../model/directory.ts';
import { idRef, schemasFor, sources } from '../../model/schemas/index.ts';
import { fieldDescriptions } from '../../model/schema-fields.ts';
import { newestSourceDay } from '../../model/as-of.ts';
import { joinMulti, joinUrls, type CsvValue } from '../csv.ts';

export const SCHEMAS = schemasFor(idRef);

/** Version of the export format; raised when a column or field changes meaning or is removed. */
export const EXPORT_VERSION = 1;

/** The licence of the compilation (each row credits its original sources). */
export const LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja' } as const;

/** Who to credit. */
export const ATTRIBUTION = '労協アトラス';

/** Everything a row builder needs: the directory, lookups by id, and how to write a page's URL. */
export interface Lookup {
  dir: Directory;
  coops: Map<string, Coop>;
  bodies: Map<string, Body>;
  categories: Map<string, Category>;
  /** Co-ops located in each public body (coopsIn), computed once. */
  coopsByBody: DirectoryIndex['coopsByBody'];
  contractsByContractor: DirectoryIndex['contractsByContractor'];
  contractsByCommissioner: DirectoryIndex['contractsByCommissioner'];
  /** A site path ('coops/x/') as the URL written into the data: absolute when SITE_URL is set. */
  url: (path: string) => string;
}

/** Builds the lookups once per build. */
export function makeLookup(dir: Directory, url: (path: string) => string = (p) => `/${p}`): Lookup {
  const index = buildIndex(dir);
  const { coops, bodies, categories, coopsByBody, contractsByContractor, contractsByCommissioner } = index;
  return { dir, coops, bodies, categories, coopsByBody, contractsByContractor, contractsByCommissioner, url };
}

/** A source as one line of text for a CSV cell: title（publisher）［資料: document］URL dates ［写し。原典: …］. */
export function sourceText(s: Source): string {
  const dates = [s.asOf && `${s.asOf}現在`, s.published && `${s.published}発行`, s.seen && `${s.seen}確認`]
    .filter(Boolean)
    .join('、');
  const copy =
    s.copyOf &&
    `［写し。原典: ${[s.copyOf.publisher, s.copyOf.title, s.copyOf.published && `${s.copyOf.published}発行`, s.copyOf.url].filter(Boolean).join(' ')}］`;
  return [
    s.title,
    s.publisher && `（${s.publisher}）`,
    s.document && `［資料: ${s.document}］`,
    s.url && ` ${s.url}`,
    dates && ` ${dates}`,
    copy && ` ${copy}`,
  ]
    .filter(Boolean)
    .join('');
}

/** The date fields of every download: reproducible, from SOURCE_DATE_EPOCH (seconds) when given, else the newest source date (00:00 in Japan). */
export function exportDates(
  dir: Directory,
  sourceDateEpoch?: string,
): { generatedAt: string; dataAsOf: string | undefined } {
  const dataAsOf = newestSourceDay(dir);
  const epoch =
    sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim()) ? Number(sourceDateEpoch.trim()) : undefined;
  const generatedAt =
    epoch !== undefined
      ? new Date(epoch * 1000).toISOString().replace(/\.000Z$/, 'Z')
      : dataAsOf
        ? `${dataAsOf}T00:00:00+09:00`
        : '1970-01-01T00:00:00Z';
  return { generatedAt, dataAsOf };
}

/** The Table Schema type of a CSV column (src/lib/publish/datapackage.ts); most columns are text. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

/** What a column or field holds. */
export type Cell = string | number | boolean | undefined | readonly string[];

export interface ColumnSpec<T> {
  /** JSON key (English, camelCase). */
  key: string;
  /** CSV header (Japanese, as Excel users read it). */
  header: string;
  /**
   * What the column holds. Omit it for a column that copies one schema field
   * (`field`, default the key): the field's own `.describe()` is used, so the
   * schema stays the one definition.
   */
  description?: string | undefined;
  /** The schema field (path, e.g. `contact.website`) this column copies, when its key differs. */
  field?: string;
  /** Several values: joined with `|` in CSV, an array in JSON. */
  list?: boolean;
  /** The value's type when it is not text (a list is always text in the CSV). */
  type?: FieldType;
  /** URLs: a `|` inside one is percent-encoded rather than replaced. */
  urls?: boolean;
  /** Only in the CSV (the JSON carries the same facts in a structured field). */
  csvOnly?: boolean;
  get: (item: T, l: Lookup) => Cell;
}

export interface JsonFieldSpec<T> {
  key: string;
  /** What the field holds; omit it for a field that copies a schema field: its description and its parts' are used. */
  description?: string | undefined;
  get: (item: T, l: Lookup) => unknown;
}

/** One field of a dataset as the /data/ page documents it. */
export interface FieldDoc {
  key: string;
  /** The CSV header, or undefined when the field is JSON-only. */
  header: string | undefined;
  description: string;
  list: boolean;
  inJson: boolean;
  /** The CSV column's type ('string' unless the column says otherwise). */
  type: FieldType;
}

/** A dataset: its documentation and its serialisations. */
export interface Dataset {
  name: DatasetName;
  title: string;
  description: string;
  fields: FieldDoc[];
  /** How many rows (entities) the dataset has. */
  count: (l: Lookup) => number;
  /** Header and rows; `only` keeps the entities whose id it accepts. */
  table: (l: Lookup, only?: (id: string) => boolean) => { header: string[]; rows: CsvValue[][] };
  /** One JSON object per entity. */
  records: (l: Lookup) => Record<string, unknown>[];
}

/**
 * A structured field's description from a schema's field descriptions (fieldDescriptions): its own, then each
 * part's one level down (`sources[].title` …), so a download documents its nested fields as the schema does.
 */
export function wholeDescription(described: ReadonlyMap<string, string | undefined>, key: string): string | undefined {
  const own = described.get(key);
  if (own === undefined) return undefined;
  const parts = [...described]
    .filter(([path]) => new RegExp(`^${key}(\\[\\])?\\.[^.\\[]+$`).test(path))
    .map(([path, d]) => `${path.slice(path.lastIndexOf('.') + 1)}（${d ?? ''}）`);
  return parts.length > 0 ? `${own}。各要素は ${parts.join('、')}` : own;
}

/** Defines a dataset once: its CSV columns, JSON fields and their documentation, from one spec. */
export function defineDataset<T extends { id: string }>(spec: {
  name: DatasetName;
  title: string;
  description: string;
  /** The schema of the entities, whose field descriptions document the columns that copy a field. */
  schema?: z.ZodType;
  items: (l: Lookup) => T[];
  columns: ColumnSpec<T>[];
  json: JsonFieldSpec<T>[];
}): Dataset {
  const described = new Map(spec.schema ? fieldDescriptions(spec.schema) : []);
  const describe = (c: ColumnSpec<T>): string => {
    const d = c.description ?? described.get(c.field ?? c.key);
    if (d === undefined)
      throw new Error(
        `${spec.name}.${c.key}: no description, and no schema field "${c.field ?? c.key}" to take one from`,
      );
    return d;
  };
  const describeWhole = (key: string): string => {
    const d = wholeDescription(described, key);
    if (d === undefined) throw new Error(`${spec.name}.${key}: no description, and no schema field to take one from`);
    return d;
  };
  const csvCell = (c: ColumnSpec<T>, item: T, l: Lookup): CsvValue => {
    const v = c.get(item, l);
    if (Array.isArray(v)) return c.urls ? joinUrls(v) : joinMulti(v);
    return v as CsvValue;
  };
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    fields: [
      ...spec.columns.map((c) => ({
        key: c.key,
        header: c.header,
        description: describe(c),
        list: c.list === true,
        inJson: c.csvOnly !== true,
        type: c.type ?? 'string',
      })),
      ...spec.json.map((f) => ({
        key: f.key,
        header: undefined,
        description: f.description ?? describeWhole(f.key),
        list: false,
        inJson: true,
        type: 'string' as const,
      })),
    ],
    count: (l) => spec.items(l).length,
    table: (l, only) => ({
      header: spec.columns.map((c) => c.header),
      rows: spec
        .items(l)
        .filter((i) => (only ? only(i.id) : true))
        .map((i) => spec.columns.map((c) => csvCell(c, i, l))),
    }),
    records: (l) =>
      spec.items(l).map((i) => {
        const out: Record<string, unknown> = {};
        for (const c of spec.columns) {
          if (c.csvOnly) continue;
          const v = c.get(i, l);
          // Keep every key in every record (null when unknown), so the records have one shape.
          out[c.key] = v === undefined ? (c.list ? [] : null) : v;
        }
        for (const f of spec.json) out[f.key] = f.get(i, l) ?? null;
        return out;
      }),
  };
}

/** The name of an entity by id, when there is one. */
export const nameOf = <T extends { name: string }>(m: Map<string, T>, id: string | undefined) =>
  id ? m.get(id)?.name : undefined;

/** The two CSV columns that credit a row's sources, and the JSON field that carries them whole. */
export function sourceColumns<T extends { sources: Source[] }>(): ColumnSpec<T>[] {
  return [
    {
      key: 'sources',
      header: '出典',
      description: '出典（題名・発行者・資料名・URL・日付）。複数あるときは | で区切ります',
      list: true,
      csvOnly: true,
      get: (i) => i.sources.map(sourceText),
    },
    {
      key: 'sourceUrls',
      header: '出典URL',
      description: '出典のURLだけを並べたもの（URLのない資料は含みません）',
      list: true,
      urls: true,
      csvOnly: true,
      get: (i) => i.sources.map((s) => s.url).filter((u): u is string => !!u),
    },
  ];
}
export function sourceJson<T extends { sources: Source[] }>(): JsonFieldSpec<T> {
  return {
    key: 'sources',
    description: wholeDescription(new Map(fieldDescriptions(z.object({ sources }))), 'sources'),
    get: (i) => i.sources,
  };
}

export type DatasetName =
  'coops' | 'contracts' | 'municipalities' | 'categories' | 'national-counts' | 'model-project-figures';
