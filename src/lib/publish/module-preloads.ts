/**
 * Preload links for a page's lazy JavaScript: the module scripts a page
 * links, what they import statically, and the lazily imported chunks a
 * caller names (the map's Leaflet chunk), with their own imports and the
 * stylesheet they link. Written into the page's <head> at build
 * (src/integrations/map-preload.ts), they let the browser fetch what would
 * otherwise be found only one step after another. Pure: files are read
 * through `read`.
 */
import { posix } from 'node:path';

/** The `src` of each `<script type="module" src>` of a page, in order. */
export function moduleScriptSrcs(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\stype="module"/.test(tag))
    .flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []);
}

/** The relative imports of a bundled chunk: static (`import … from "./x.js"`, `import "./x.js"`) and dynamic (`import("./x.js")`). */
export function chunkImports(code: string): { static: string[]; dynamic: string[] } {
  const spec = String.raw`["'\x60](\.{1,2}\/[^"'\x60]+\.js)["'\x60]`;
  const found = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => m[1]!))];
  return {
    static: found(new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*)${spec}`, 'g')),
    dynamic: found(new RegExp(String.raw`\bimport\(\s*${spec}\s*\)`, 'g')),
  };
}

/** What to preload for a page: module URLs (`modulepreload`) and stylesheet URLs (`preload as="style"`). */
export interface Preloads {
  modules: string[];
  styles: string[];
}

/**
 * The modules a page's entries import statically (not the entries, which the page links itself), plus each lazily
 * imported chunk whose file name `lazy` accepts, with its static imports and the `.css` URLs under `assetsBase` that it
 * names (a stylesheet the chunk links as it runs). URLs are absolute paths like the entries'.
 */
export function preloadsFor(
  entries: readonly string[],
  read: (url: string) => string,
  lazy: (fileName: string) => boolean,
  assetsBase: string,
): Preloads {
  const modules = new Set<string>();
  const styles = new Set<string>();
  const seen = new Set<string>(entries);
  const cssName = new RegExp(`${assetsBase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\w.-]+\\.css`, 'g');
  const visit = (url: string, isLazy: boolean) => {
    const code = read(url);
    const imports = chunkImports(code);
    const resolveSpec = (s: string) => posix.join(posix.dirname(url), s);
    if (isLazy) for (const m of code.matchAll(cssName)) styles.add(m[0]);
    for (const dep of imports.static.map(resolveSpec)) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      modules.add(dep);
      visit(dep, isLazy);
    }
    for (const dep of imports.dynamic.map(resolveSpec)) {
      if (seen.has(dep) || !lazy(posix.basename(dep))) continue;
      seen.add(dep);
      modules.add(dep);
      visit(dep, true);
    }
  };
  for (const entry of entries) visit(entry, false);
  return { modules: [...modules], styles: [...styles] };
}

/** The `<link>` tags for `preloads`, put at the end of the page's <head>. */
export function insertPreloads(html: string, { modules, styles }: Preloads): string {
  const links = [
    ...modules.map((href) => `<link rel="modulepreload" href="${href}">`),
    ...styles.map((href) => `<link rel="preload" href="${href}" as="style">`),
  ].join('');
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('</head> がないページには preload を書けません');
  return html.slice(0, at) + links + html.slice(at);
}
