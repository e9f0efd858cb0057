/**
 * The open-data downloads (co-ops, contracts, public bodies, categories,
 * national counts, model-project figures), each defined once (define.ts and
 * one file per dataset) as CSV columns, JSON fields and documentation.
 * Pure functions over the plain directory; the routes in src/pages/data/
 * only serialise.
 */
import { ATTRIBUTION, EXPORT_VERSION, LICENSE } from './define.ts';
import { paths } from '../../model/paths.ts';
import { rememberedPer } from '../../model/remember.ts';
import { toCsv } from '../csv.ts';
import type { Dataset, DatasetName, Lookup } from './define.ts';
import { coops } from './coops.ts';
import { contracts } from './contracts.ts';
import { categories, municipalities } from './bodies.ts';
import { nationalCounts } from './national-counts.ts';
import { modelProjectFiguresDataset } from './model-project.ts';

export * from './define.ts';
export { modelProjectFigures, type ModelProjectFigure } from './model-project.ts';

export const DATASETS: Record<DatasetName, Dataset> = {
  coops,
  contracts,
  municipalities,
  categories,
  'national-counts': nationalCounts,
  'model-project-figures': modelProjectFiguresDataset,
};

/** The dataset names, for getStaticPaths. */
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** A dataset as CSV (BOM, CRLF, one header row); `only` keeps the rows whose entity id it accepts. */
export function datasetCsv(ds: Dataset, l: Lookup, only?: (id: string) => boolean): string {
  if (only) return csvOf(ds, l, only);
  return remembered(l, `csv ${ds.name}`, () => csvOf(ds, l));
}

function csvOf(ds: Dataset, l: Lookup, only?: (id: string) => boolean): string {
  const { header, rows } = ds.table(l, only);
  return toCsv(header, rows);
}

// The download routes and the /data/ page (which prints each file's size) write the same documents: each once.
const documentsOf = rememberedPer((_: Lookup) => new Map<string, string>());
function remembered(l: Lookup, key: string, make: () => string): string {
  const byKey = documentsOf(l);
  let text = byKey.get(key);
  if (text === undefined) byKey.set(key, (text = make()));
  return text;
}

/** The contracts one public body commissions, as CSV (a header row alone when it commissions none). */
export function bodyContractsCsv(bodyId: string, l: Lookup): string {
  const mine = new Set((l.contractsByCommissioner.get(bodyId) ?? []).map((c) => c.id));
  return datasetCsv(DATASETS.contracts, l, (id) => mine.has(id));
}

/** A dataset as a JSON document: format version, dates, licence, then one record per entity. */
export function datasetJson(
  ds: Dataset,
  l: Lookup,
  dates: { generatedAt: string; dataAsOf: string | undefined },
): string {
  return remembered(l, `json ${ds.name} ${dates.generatedAt} ${dates.dataAsOf ?? ''}`, () => jsonOf(ds, l, dates));
}

function jsonOf(ds: Dataset, l: Lookup, dates: { generatedAt: string; dataAsOf: string | undefined }): string {
  const items = ds.records(l);
  const doc = {
    version: EXPORT_VERSION,
    dataset: ds.name,
    title: ds.title,
    generatedAt: dates.generatedAt,
    dataAsOf: dates.dataAsOf ?? null,
    license: LICENSE,
    attribution: ATTRIBUTION,
    documentation: l.url(paths.data()),
    count: items.length,
    items,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
