/**
 * /api/<collection>/<id>.json (one document per entity), /api/<collection>/index.json,
 * and the JSON Schemas beside them: schema.json (an entity's document) and
 * index.schema.json (the index). See src/lib/publish/api.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  API_COLLECTIONS,
  RESERVED_IDS,
  collectionIndex,
  documentSchema,
  entitiesOf,
  entityDocument,
  indexSchema,
  segmentOf,
  toJsonText,
} from '../../../lib/publish/api.ts';
import type { CollectionName } from '../../../lib/model/schemas/index.ts';
import type { Source } from '../../../lib/model/types.ts';
import { loadDirectory } from '../../../content/load.ts';
import { dates, jsonResponse, lookup } from '../../data/_respond.ts';

type Props = {
  collection: CollectionName;
  kind: 'entity' | 'index' | 'schema' | 'index.schema';
  entity?: { id: string; sources: Source[] };
};

export const getStaticPaths = (async () => {
  const dir = await loadDirectory();
  return API_COLLECTIONS.flatMap((c) => {
    const collection = segmentOf(c);
    const entities = entitiesOf(dir, c);
    const clash = entities.map((e) => e.id).find((id) => (RESERVED_IDS as readonly string[]).includes(id));
    if (clash)
      throw new Error(
        `content/${collection}/${clash}: id "${clash}" は API のファイル名（${RESERVED_IDS.join('・')}）と重なるため使えません`,
      );
    return [
      ...entities.map((entity) => ({
        params: { collection, file: entity.id },
        props: { collection: c, kind: 'entity', entity },
      })),
      ...(['index', 'schema', 'index.schema'] as const).map((kind) => ({
        params: { collection, file: kind },
        props: { collection: c, kind },
      })),
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { collection: c, kind, entity } = props;
  if (kind === 'schema') return jsonResponse(toJsonText(documentSchema(c)));
  if (kind === 'index.schema') return jsonResponse(toJsonText(indexSchema(c)));
  const l = await lookup(site);
  if (kind === 'index') return jsonResponse(toJsonText(collectionIndex(c, l.dir, dates(l), l.url)));
  return jsonResponse(toJsonText(entityDocument(c, entity!, dates(l), l.url)));
};
