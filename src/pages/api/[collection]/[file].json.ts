/**
 * /api/<collection>/<id>.json (one document per entity), /api/<collection>/index.json,
 * and the JSON Schemas beside them: schema.json (an entity's document) and
 * index.schema.json (the index). See src/lib/publish/api.ts.
 *
 * In a build the entity documents are not routes of their own: the collection's
 * index.json writes them beside itself (src/integrations/files-beside.ts), the
 * same bytes at the same paths for a fraction of Astro's cost per file. In
 * `astro dev` each is a route, rendered when asked for.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  API_COLLECTIONS,
  RESERVED_IDS,
  apiPaths,
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
import {
  promiseFilesBeside,
  writeFilesBeside,
  writingFilesBeside,
  type FileBeside,
} from '../../../integrations/files-beside.ts';
import type { Lookup } from '../../../lib/publish/datasets/index.ts';

type Props = {
  collection: CollectionName;
  kind: 'entity' | 'index' | 'schema' | 'index.schema';
  entity?: { id: string; sources: Source[] };
};

export const getStaticPaths = (async () => {
  const dir = await loadDirectory();
  const beside = writingFilesBeside();
  return API_COLLECTIONS.flatMap((c) => {
    const collection = segmentOf(c);
    const entities = entitiesOf(dir, c);
    const clash = entities.map((e) => e.id).find((id) => (RESERVED_IDS as readonly string[]).includes(id));
    if (clash)
      throw new Error(
        `content/${collection}/${clash}: id "${clash}" は API のファイル名（${RESERVED_IDS.join('・')}）と重なるため使えません`,
      );
    if (beside) promiseFilesBeside(apiPaths.index(c), entities.length);
    return [
      ...(beside
        ? []
        : entities.map((entity) => ({
            params: { collection, file: entity.id },
            props: { collection: c, kind: 'entity', entity },
          }))),
      ...(['index', 'schema', 'index.schema'] as const).map((kind) => ({
        params: { collection, file: kind },
        props: { collection: c, kind },
      })),
    ];
  });
}) satisfies GetStaticPaths;

/** Each entity's document, made as it is written (not all 10,000 held at once). */
function* documents(c: CollectionName, l: Lookup, when: ReturnType<typeof dates>): Iterable<FileBeside> {
  for (const e of entitiesOf(l.dir, c))
    yield { path: apiPaths.entity(c, e.id), text: toJsonText(entityDocument(c, e, when, l.url)) };
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { collection: c, kind, entity } = props;
  if (kind === 'schema') return jsonResponse(toJsonText(documentSchema(c)));
  if (kind === 'index.schema') return jsonResponse(toJsonText(indexSchema(c)));
  const l = await lookup(site);
  const when = dates(l);
  if (kind === 'index') {
    // In a build the index writes its collection's documents (getStaticPaths listed none of them as routes).
    if (writingFilesBeside()) writeFilesBeside(documents(c, l, when), apiPaths.index(c));
    return jsonResponse(toJsonText(collectionIndex(c, l.dir, when, l.url)));
  }
  return jsonResponse(toJsonText(entityDocument(c, entity!, when, l.url)));
};
