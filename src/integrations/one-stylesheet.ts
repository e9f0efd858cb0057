/**
 * Gives every page one stylesheet (src/lib/publish/stylesheets.ts): as each page is
 * rendered (a step of rendered-pages.ts), the CSS chunks it links are joined,
 * in its order, into `<assets>/page.<hash>.css` (one file per distinct set,
 * about 25 on the real site), and the page keeps one <link> in place of the
 * many. When the build is done, chunks no page links any more, and no script
 * names, are removed.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addPageStep, pagesStepped } from './rendered-pages.ts';
import { joinStylesheets, joinedName, replaceStylesheets, stylesheetHrefs } from '../lib/publish/stylesheets.ts';

export default function oneStylesheet(): AstroIntegration {
  let base = '/';
  let root = '';
  const joined = new Map<string, string>();
  const replaced = new Set<string>();
  // A chunk is still needed if a page links it alone or a script names it (Vite's preload of a lazy chunk's CSS).
  const stillLinked = new Set<string>();
  const fileOf = (href: string) => {
    if (!href.startsWith(base)) throw new Error(`stylesheet ${href} is outside the base ${base}`);
    return join(root, href.slice(base.length));
  };
  return {
    name: 'roukyou-atlas:one-stylesheet',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        joined.clear();
        replaced.clear();
        stillLinked.clear();
        // The chunks are in the output folder by the time pages are rendered (Astro moves the server build's assets there first).
        addPageStep('one-stylesheet', ({ html }) => {
          const hrefs = stylesheetHrefs(html);
          if (hrefs.length < 2) {
            for (const h of hrefs) stillLinked.add(h);
            return html;
          }
          const key = hrefs.join('\n');
          let href = joined.get(key);
          if (!href) {
            const css = joinStylesheets(hrefs.map((h) => ({ name: h, css: readFileSync(fileOf(h), 'utf8') })));
            href = posix.join(posix.dirname(hrefs[0]!), joinedName(css));
            writeFileSync(fileOf(href), css);
            joined.set(key, href);
          }
          for (const h of hrefs) replaced.add(h);
          return replaceStylesheets(html, href);
        });
      },
      'astro:build:done': ({ logger }) => {
        const scriptText = [...new Set([...replaced].map((h) => posix.dirname(h)))]
          .flatMap((d) =>
            readdirSync(fileOf(`${d}/`))
              .filter((f) => f.endsWith('.js'))
              .map((f) => readFileSync(join(fileOf(`${d}/`), f), 'utf8')),
          )
          .join('\n');
        let removed = 0;
        for (const h of replaced) {
          if (stillLinked.has(h) || scriptText.includes(posix.basename(h)) || !existsSync(fileOf(h))) continue;
          rmSync(fileOf(h));
          removed++;
        }
        logger.info(
          `${pagesStepped()} pages: ${joined.size} joined stylesheet(s) written, ${removed} chunk(s) no page links any more removed`,
        );
      },
    },
  };
}
