/**
 * /datapackage.json: a Frictionless Data Package (v2) describing every CSV
 * download, so tools that read data packages open the data in one step.
 * Fields, types and descriptions come from the dataset definitions in
 * publish/datasets/ (the same ones that write the CSV and document /data/).
 */
import { commissioningBodies } from '../model/directory.ts';
import type { Directory } from '../model/types.ts';
import {
  ATTRIBUTION,
  DATASETS,
  DATASET_NAMES,
  EXPORT_VERSION,
  type Dataset,
  type DatasetName,
  type FieldDoc,
} from './datasets/index.ts';
import { MULTI_SEPARATOR } from './csv.ts';
import { paths } from '../model/paths.ts';
import { ODBL } from './api.ts';
import { HOUJIN_TERMS_PAGE, houjinCredit } from '../registry/houjin.ts';

/** The profile this descriptor follows. */
export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** Who publishes the data: the editors as an entity, never a person. */
export const EDITORS = '労協アトラス編集部 / Roukyou Atlas editors';

const CC_BY = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International (the compilation)',
};
const ODBL_LICENCE = {
  name: 'ODbL-1.0',
  path: ODBL.url,
  title:
    'Open Data Commons Open Database License 1.0 (representative points from OpenStreetMap, © OpenStreetMap contributors)',
};
const CODE_LIST = {
  title: '総務省「全国地方公共団体コード」（public-body codes, names and readings）',
  path: 'https://www.soumu.go.jp/denshijiti/code.html',
};
const OSM = {
  title: 'OpenStreetMap (© OpenStreetMap contributors, ODbL): representative points of public bodies',
  path: 'https://www.openstreetmap.org/copyright',
};
const HOUJIN_LICENCE = {
  path: HOUJIN_TERMS_PAGE,
  title:
    '公共データ利用規約（第1.0版）: corporate numbers and registry data of the National Tax Agency (column 法人番号 and rows marked 登記情報のみ)',
};
const HOUJIN = { title: houjinCredit(), path: HOUJIN_TERMS_PAGE };
const ROW_SOURCES = { title: 'Each row names its own sources in the columns 出典 and 出典URL' };

/** Which datasets hold OpenStreetMap points (and so carry ODbL beside CC BY). */
const WITH_OSM_POINTS: readonly DatasetName[] = ['coops', 'municipalities'];

/** The CSV dialect of every download: comma, CRLF, RFC 4180 quoting, one header row. */
export const CSV_DIALECT = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;

/** Keys (JSON keys) of each dataset: its primary key and its references to other datasets. */
const KEYS: Partial<
  Record<
    DatasetName,
    { primaryKey: string; foreignKeys?: Array<{ field: string; dataset: DatasetName | ''; key: string }> }
  >
> = {
  coops: {
    primaryKey: 'id',
    foreignKeys: [
      { field: 'parentId', dataset: '', key: 'id' },
      { field: 'prefectureCode', dataset: 'municipalities', key: 'code' },
      { field: 'municipalityCode', dataset: 'municipalities', key: 'code' },
    ],
  },
  contracts: {
    primaryKey: 'id',
    foreignKeys: [
      { field: 'commissionerCode', dataset: 'municipalities', key: 'code' },
      { field: 'contractorId', dataset: 'coops', key: 'id' },
      { field: 'categoryId', dataset: 'categories', key: 'id' },
    ],
  },
  municipalities: {
    primaryKey: 'code',
    foreignKeys: [
      { field: 'prefectureCode', dataset: '', key: 'code' },
      { field: 'parentCode', dataset: '', key: 'code' },
    ],
  },
  categories: { primaryKey: 'id', foreignKeys: [{ field: 'parentId', dataset: '', key: 'id' }] },
  'national-counts': { primaryKey: 'asOf' },
  'model-project-figures': {
    primaryKey: 'id',
    foreignKeys: [{ field: 'prefectureCode', dataset: 'municipalities', key: 'code' }],
  },
};

/** The CSV header of the field with JSON key `key`. */
function headerOf(ds: Dataset, key: string): string {
  const f = ds.fields.find((x) => x.key === key && x.header);
  if (!f?.header) throw new Error(`datapackage: ${ds.name} に CSV の列 ${key} がありません`);
  return f.header;
}

/** One Table Schema field from a column's documentation. */
function tableField(f: FieldDoc) {
  const list = f.list ? `（複数の値は ${MULTI_SEPARATOR} で区切ります）` : '';
  return { name: f.header!, title: f.key, description: `${f.description}${list}`, type: f.type };
}

/** The Table Schema of a dataset's CSV. */
export function tableSchema(ds: Dataset) {
  const keys = KEYS[ds.name];
  return {
    fields: ds.fields.filter((f) => f.header).map(tableField),
    missingValues: [''],
    ...(keys && { primaryKey: [headerOf(ds, keys.primaryKey)] }),
    ...(keys?.foreignKeys && {
      foreignKeys: keys.foreignKeys.map((k) => ({
        fields: [headerOf(ds, k.field)],
        reference: {
          ...(k.dataset && { resource: k.dataset }),
          fields: [headerOf(k.dataset ? DATASETS[k.dataset] : ds, k.key)],
        },
      })),
    }),
  };
}

/** Path (relative to the descriptor) of a dataset's Table Schema, published beside the CSV. */
export const tableSchemaPath = (name: DatasetName) => paths.dataFile(`${name}.tableschema.json`);

function csvResource(
  name: string,
  path: string,
  ds: Dataset,
  schema: ReturnType<typeof tableSchema> | string,
  extra: { title: string; description: string },
) {
  const osm = WITH_OSM_POINTS.includes(ds.name);
  return {
    name,
    type: 'table',
    path,
    title: extra.title,
    description: extra.description,
    format: 'csv',
    mediatype: 'text/csv',
    // The files begin with a byte order mark so Excel reads them as UTF-8; utf-8-sig is the codec name that strips it.
    encoding: 'utf-8-sig',
    dialect: CSV_DIALECT,
    schema,
    licenses: [CC_BY, ...(osm ? [ODBL_LICENCE] : []), ...(ds.name === 'coops' ? [HOUJIN_LICENCE] : [])],
    sources: [
      ROW_SOURCES,
      ...(ds.name === 'municipalities' || ds.name === 'contracts' ? [CODE_LIST] : []),
      ...(osm ? [OSM] : []),
      ...(ds.name === 'coops' ? [HOUJIN] : []),
    ],
  };
}

/** The descriptor. `homepage` only when the site's absolute URL is known (SITE_URL); paths are relative to the descriptor, so it works at any base. */
export function dataPackage(
  dir: Directory,
  dates: { generatedAt: string },
  opts: { homepage?: string | undefined } = {},
) {
  const main = DATASET_NAMES.map((name) => {
    const ds = DATASETS[name];
    const osmNote = WITH_OSM_POINTS.includes(name) ? ' 代表点の緯度・経度はOpenStreetMapのデータ（ODbL）です。' : '';
    return csvResource(name, paths.dataFile(`${name}.csv`), ds, tableSchema(ds), {
      title: ds.title,
      description: `${ds.description}${osmNote}`,
    });
  });
  // Each public body's contracts: the same columns as contracts.csv, so they share its published Table Schema.
  const perBody = commissioningBodies(dir).map((b) =>
    csvResource(`contracts-${b.id}`, paths.bodyContractsCsv(b.id), DATASETS.contracts, tableSchemaPath('contracts'), {
      title: `${b.name}の委託`,
      description: `${b.name}（${b.id}）が委託している事業だけを収めたCSV。列はcontractsと同じです。`,
    }),
  );
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: 'roukyou-atlas',
    title: '労協アトラス（Roukyou Atlas）: 日本の労働者協同組合ディレクトリのオープンデータ',
    description:
      "日本の労働者協同組合（ワーカーズコープ・ワーカーズコレクティブ）と、その事業を委託する公共団体のデータ。すべての行に出典があります。CSVはUTF-8（BOM付き）、改行CRLF、複数の値は | 区切りです。Open data of Japan's worker co-operatives and the public bodies that contract them; every row credits its sources.",
    ...(opts.homepage && { homepage: opts.homepage }),
    version: String(EXPORT_VERSION),
    created: dates.generatedAt,
    keywords: ['労働者協同組合', 'worker co-operatives', 'Japan', 'ワーカーズコープ', '委託', 'open data'],
    contributors: [{ title: EDITORS, roles: ['publisher'] }],
    licenses: [CC_BY, ODBL_LICENCE, HOUJIN_LICENCE],
    sources: [ROW_SOURCES, CODE_LIST, OSM, HOUJIN],
    attribution: ATTRIBUTION,
    resources: [...main, ...perBody],
  };
}
