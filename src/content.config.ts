/**
 * Every collection, loaded from the top-level content/ folder (or
 * $CONTENT_DIR, for test fixtures). The schemas live in src/lib/schema.ts so
 * the data check can use the same rules outside Astro. References are plain
 * ids: the data check (run before every build) has already made sure each
 * one names an existing entry, and every page wants the id.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { folderOf, idRef, schemasFor, type CollectionName } from './lib/schema.ts';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const schemas = schemasFor(idRef);

/** The file name without its extension is the id (a slug, or a 地方公共団体コード). */
const fileId = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function fromFolder(name: CollectionName, pattern: string) {
  const base = CONTENT.startsWith('/') ? `${CONTENT}/${folderOf(name)}` : `./${CONTENT}/${folderOf(name)}`;
  return glob({ base, pattern, generateId: fileId });
}

export const collections = {
  coops: defineCollection({ loader: fromFolder('coops', '**/*.{yaml,yml}'), schema: schemas.coops }),
  categories: defineCollection({ loader: fromFolder('categories', '**/*.{yaml,yml}'), schema: schemas.categories }),
  municipalities: defineCollection({ loader: fromFolder('municipalities', '**/*.{yaml,yml}'), schema: schemas.municipalities }),
  contracts: defineCollection({ loader: fromFolder('contracts', '**/*.{yaml,yml}'), schema: schemas.contracts }),
  councils: defineCollection({ loader: fromFolder('councils', '**/*.{yaml,yml}'), schema: schemas.councils }),
  programmes: defineCollection({ loader: fromFolder('programmes', '**/*.{yaml,yml}'), schema: schemas.programmes }),
  guides: defineCollection({ loader: fromFolder('guides', '**/*.{md,mdx}'), schema: schemas.guides }),
  nationalCounts: defineCollection({ loader: fromFolder('nationalCounts', '**/*.{yaml,yml}'), schema: schemas.nationalCounts }),
};
