/** /data/<dataset>.csv: every entity of one collection, one row each (see /data/ for the columns). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASETS, DATASET_NAMES, datasetCsv, type DatasetName } from '../../lib/publish/datasets/index.ts';
import { csvResponse, lookup } from './_respond.ts';

export const getStaticPaths = (() =>
  DATASET_NAMES.map((dataset) => ({ params: { dataset } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  csvResponse(datasetCsv(DATASETS[params.dataset as DatasetName], await lookup(site)));
