/**
 * Reading the open data of a built site, shared by the download, metadata and SITE_URL tests: files as text, CSV
 * parsed as a spreadsheet would, the entities each dataset holds one row of, and a page's JSON-LD.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DIST } from './dist.ts';
import { modelProjectFigures, type DatasetName } from '../../src/lib/publish/datasets/index.ts';
import type { Directory } from '../../src/lib/model/types.ts';

/** The bytes of a built file. */
export const file = (p: string, root = DIST) => readFileSync(join(root, p));
/** The text of a built file. */
export const text = (p: string, root = DIST) => file(p, root).toString('utf8');

/** CSV text without its BOM, parsed with the first row as header. */
export function parseCsv(raw: string) {
  return Papa.parse<Record<string, string>>(raw.replace(/^\uFEFF/, ''), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  });
}

/** The entities of content/ each dataset has one row (or record) per. */
export function datasetEntities(dir: Directory): Record<DatasetName, Array<{ id: string }>> {
  return {
    coops: dir.coops,
    contracts: dir.contracts,
    municipalities: dir.bodies,
    categories: dir.categories,
    'national-counts': dir.nationalCounts,
    'model-project-figures': modelProjectFigures(dir),
  };
}

/** The CSV column that holds each dataset's id. */
export const ID_HEADER: Record<DatasetName, string> = {
  coops: 'ID',
  contracts: 'ID',
  municipalities: '団体コード',
  categories: 'ID',
  'national-counts': '時点',
  'model-project-figures': 'ID',
};

/** The JSON-LD objects of a page. */
export function jsonLd(html: string): Array<Record<string, any>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}
