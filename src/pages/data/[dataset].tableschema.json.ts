/** /data/<dataset>.tableschema.json: the Frictionless Table Schema of <dataset>.csv (shared by the per-body contract CSVs in datapackage.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../lib/publish/datasets/index.ts';
import { tableSchema } from '../../lib/publish/datapackage.ts';
import { toJsonText } from '../../lib/publish/api.ts';
import { jsonResponse } from './_respond.ts';

export const getStaticPaths = (() =>
  DATASET_NAMES.map((dataset) => ({ params: { dataset } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  jsonResponse(toJsonText(tableSchema(DATASETS[params.dataset as DatasetName])));
