/**
 * The bare Astro projects the scale benchmark compares our build with (bench-scale.ts): one rendering a trivial page
 * per co-op and public body from the same content files, one writing a trivial file at every path our build wrote.
 * Each links this project's packages into its own node_modules and keeps its caches in its own folder.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, htmlFilesUnder } from '../../src/search/build/dist-files.ts';

/**
 * What every bare Astro project of this benchmark has: a node_modules folder of links to this project's packages
 * (not a link to the folder itself), a package.json, and a config whose cacheDir comes from BARE_CACHE_DIR, so
 * Astro's and Vite's caches land in the temporary folder, never in this project's.
 */
function writeBareProject(root: string, dir: string, name: string): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const pkg of readdirSync(join(root, 'node_modules')))
    if (!pkg.startsWith('.')) symlinkSync(join(root, 'node_modules', pkg), join(dir, 'node_modules', pkg));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', cacheDir: process.env.BARE_CACHE_DIR });\n`,
  );
}

/**
 * A bare Astro project in `dir` rendering one trivial page per co-op and per public body from the same files.
 */
export function writeBareSite(root: string, dir: string, contentDir: string): void {
  mkdirSync(join(dir, 'src/pages/coops'), { recursive: true });
  mkdirSync(join(dir, 'src/pages/municipalities'), { recursive: true });
  writeBareProject(root, dir, 'bare');
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = {\n  coops: defineCollection({ loader: glob({ base: ${JSON.stringify(join(contentDir, 'coops'))}, pattern: '*.yaml' }) }),\n  municipalities: defineCollection({ loader: glob({ base: ${JSON.stringify(join(contentDir, 'municipalities'))}, pattern: '*.yaml' }) }),\n};\n`,
  );
  for (const c of ['coops', 'municipalities']) {
    writeFileSync(
      join(dir, `src/pages/${c}/[id].astro`),
      `---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('${c}')).map((e) => ({ params: { id: e.id }, props: { e } })); }\nconst { e } = Astro.props;\n---\n<html lang="ja"><head><title>{String(e.data.name)}</title></head><body><h1>{String(e.data.name)}</h1></body></html>\n`,
    );
  }
}

/**
 * A bare Astro project writing one trivial file at each of `paths` (HTML pages as 'a/b/' directories, JSON
 * documents as 'a/b.json'), the paths listed in a JSON file beside it.
 */
export function writeBareSamePages(root: string, dir: string, paths: { html: string[]; json: string[] }): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeBareProject(root, dir, 'bare-same-pages');
  writeFileSync(join(dir, 'paths.json'), JSON.stringify(paths));
  const list = `import paths from '../../paths.json';\n`;
  writeFileSync(
    join(dir, 'src/pages/[...path].astro'),
    `---\n${list}export function getStaticPaths() { return paths.html.map((p) => ({ params: { path: p || undefined } })); }\nconst { path } = Astro.params;\n---\n<html lang="ja"><head><title>{path ?? 'top'}</title></head><body><h1>{path ?? 'top'}</h1></body></html>\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/[...path].json.ts'),
    `${list}export function getStaticPaths() { return paths.json.map((p) => ({ params: { path: p } })); }\nexport const GET = ({ params }) => new Response(JSON.stringify({ path: params.path }));\n`,
  );
}

/** The paths our build wrote as HTML pages ('a/b/' for a/b/index.html; 404.html is left out) and as JSON documents ('a/b' for a/b.json). */
export function builtPaths(dist: string): { html: string[]; json: string[] } {
  return {
    html: htmlFilesUnder(dist, 'pagefind')
      .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
      .map((f) => f.replace(/\/?index\.html$/, '')),
    json: filesUnder(dist, '.json', 'pagefind').map((f) => f.replace(/\.json$/, '')),
  };
}
