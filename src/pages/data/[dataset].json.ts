/** /data/<dataset>.json: the same entities as the CSV, with lists as arrays and sources structured. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASETS, DATASET_NAMES, datasetJson, type DatasetName } from '../../lib/publish/datasets/index.ts';
import { dates, jsonResponse, lookup } from './_respond.ts';

export const getStaticPaths = (() =>
  DATASET_NAMES.map((dataset) => ({ params: { dataset } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const l = await lookup(site);
  return jsonResponse(datasetJson(DATASETS[params.dataset as DatasetName], l, dates(l)));
};
