/**
 * `<link rel="modulepreload">` for what a page's module script imports statically. Astro writes an island as one
 * `<script type="module" src>`; the chunks it imports (Vite's small helper for `import()`, shared code) are found
 * only once that script has been fetched and parsed, so each is one more round trip before the island runs — after
 * the page's first layout, which holds the main thread. Linked from the head, the browser fetches them beside the
 * script. src/integrations/module-preload.ts applies this to every page as it is rendered.
 */
import { init, parse } from 'es-module-lexer';
import { posix } from 'node:path';

/** Astro's module script tag, as it writes it. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** The `src` of each module script in the page, in document order (most pages have none: a plain search first). */
export function moduleScriptSrcs(html: string): string[] {
  if (!html.includes('<script type="module" src="')) return [];
  return [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
}

/**
 * The static imports of a module's code, as URL paths resolved against the module's own path (`/_astro/x.js`).
 * Dynamic `import()` is left out: those load on demand. A bare or absolute URL import is an error: a built chunk
 * imports only its siblings.
 */
export async function staticImports(code: string, modulePath: string): Promise<string[]> {
  await init;
  const [imports] = parse(code, modulePath);
  const out: string[] = [];
  for (const i of imports) {
    if (i.d !== -1 || i.n === undefined) continue; // dynamic import or import.meta
    if (!i.n.startsWith('./') && !i.n.startsWith('../'))
      throw new Error(`${modulePath}: a static import of "${i.n}" is not a sibling chunk`);
    out.push(posix.join(posix.dirname(modulePath), i.n));
  }
  return out;
}

/**
 * Every chunk the module scripts `srcs` import statically, directly or through each other, in the order they are
 * reached; the scripts themselves left out. `codeOf` reads a chunk by its URL path.
 */
export async function preloadsOf(
  srcs: string[],
  codeOf: (path: string) => string | Promise<string>,
): Promise<string[]> {
  const seen = new Set(srcs);
  const out: string[] = [];
  const queue = [...srcs];
  while (queue.length > 0) {
    const path = queue.shift()!;
    for (const dep of await staticImports(await codeOf(path), path)) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      out.push(dep);
      queue.push(dep);
    }
  }
  return out;
}

/** The page with a modulepreload link for each of `hrefs` at the end of its <head> (each once; none added twice). */
export function addModulePreloads(html: string, hrefs: string[]): string {
  const end = html.indexOf('</head>');
  if (end === -1) throw new Error('the page has no </head>');
  const head = html.slice(0, end);
  const links = hrefs
    .filter((h) => !head.includes(`<link rel="modulepreload" href="${h}">`))
    .map((h) => `<link rel="modulepreload" href="${h}">`)
    .join('');
  return links ? head + links + html.slice(end) : html;
}
