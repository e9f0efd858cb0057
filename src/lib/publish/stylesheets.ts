/**
 * One stylesheet per page. Astro links each component's CSS chunk on its own
 * (a public body's page had 14 render-blocking <link>s); after the build,
 * src/integrations/one-stylesheet.ts joins the chunks a page links, in the
 * order it links them (so the cascade is unchanged), into one file named by
 * its content, and leaves that page a single <link>. No inline style: the
 * CSP (src/lib/publish/csp.ts) stays `style-src 'self'`. A build with
 * INLINE_STYLESHEETS=1 inlines the joined CSS instead, allowed by hash: the
 * alternative measured in docs/benchmarks.md, not what the site ships.
 */
import { createHash } from 'node:crypto';

/** Astro's stylesheet link, exactly as it writes it into <head>. */
const LINK = /<link rel="stylesheet" href="([^"]+)">/g;

/** The stylesheet hrefs in a page's <head>, in document order. */
export function stylesheetHrefs(html: string): string[] {
  const head = html.slice(0, headEnd(html));
  return [...head.matchAll(LINK)].map((m) => m[1]!);
}

function headEnd(html: string): number {
  const i = html.indexOf('</head>');
  return i === -1 ? html.length : i;
}

/**
 * The page with its stylesheet links replaced by one link to `href`, placed
 * where the first one was. Pages with fewer than two links come back as they are.
 */
export function replaceStylesheets(html: string, href: string): string {
  const end = headEnd(html);
  const head = html.slice(0, end);
  if ([...head.matchAll(LINK)].length < 2) return html;
  let first = true;
  const joined = head.replace(LINK, () => {
    if (!first) return '';
    first = false;
    return `<link rel="stylesheet" href="${href}">`;
  });
  return joined + html.slice(end);
}

/** The chunks' CSS joined in link order. Each chunk is a complete sheet; an @import or @charset inside one would stop applying once it is not first. */
export function joinStylesheets(chunks: ReadonlyArray<{ name: string; css: string }>): string {
  for (const { name, css } of chunks.slice(1)) {
    if (/@(import|charset)\b/.test(css))
      throw new Error(`${name}: @import or @charset cannot be joined after another stylesheet`);
  }
  return chunks.map((c) => c.css.replace(/\n*$/, '\n')).join('');
}

/** A file name for joined CSS, from its content: the same pages give the same name in every build. */
export function joinedName(css: string): string {
  return `page.${createHash('sha256').update(css).digest('base64url').slice(0, 10)}.css`;
}

/** The CSP source that allows exactly this <style> element's text: sha256 of its UTF-8 bytes, base64. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * The page with its stylesheet links replaced by one `<style>` holding `css`
 * (where the first link was), and the hash of that block added to the
 * style-src of its CSP meta tag. The measured alternative to one linked file
 * (INLINE_STYLESHEETS=1, src/integrations/one-stylesheet.ts).
 */
export function inlineStylesheets(html: string, css: string): string {
  if (/<\/style/i.test(css)) throw new Error('a stylesheet holding "</style" cannot be inlined');
  const end = headEnd(html);
  let first = true;
  const head = html.slice(0, end).replace(LINK, () => {
    if (!first) return '';
    first = false;
    return `<style>${css}</style>`;
  });
  if (first) return html;
  const meta = /(<meta http-equiv="Content-Security-Policy" content="[^"]*style-src 'self')/;
  if (!meta.test(head)) throw new Error("an inlined stylesheet needs the page's CSP meta tag to allow it");
  return head.replace(meta, `$1 ${styleHash(css)}`) + html.slice(end);
}
