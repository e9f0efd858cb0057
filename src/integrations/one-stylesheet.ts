/**
 * Gives every page one stylesheet (src/lib/publish/stylesheets.ts): as each page is
 * rendered (a step of rendered-pages.ts), the CSS chunks it links are joined,
 * in its order, into `<assets>/page.<hash>.css` (one file per distinct set,
 * about 25 on the real site), and the page keeps one <link> in place of the
 * many. When the build is done, chunks no page links any more, and no script
 * names, are removed.
 *
 * INLINE_STYLESHEETS=1 builds the measured alternative: each page's joined CSS
 * inlined in one <style>, allowed by its hash in the page's CSP meta tag and,
 * through inlinedStyleHashes(), in `_headers` (src/integrations/headers.ts).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { addPageStep, outputFileOf, pagesStepped } from './rendered-pages.ts';
import {
  inlineStylesheets,
  joinStylesheets,
  joinedName,
  replaceStylesheets,
  styleHash,
  stylesheetHrefs,
} from '../lib/publish/stylesheets.ts';

const HASHES = Symbol.for('roukyou-atlas:inlined-style-hashes');
const store = globalThis as { [HASHES]?: Set<string> };

/** The CSP hashes of the <style> blocks this build inlined (empty unless INLINE_STYLESHEETS=1). */
export function inlinedStyleHashes(): string[] {
  return [...(store[HASHES] ?? [])].sort();
}

export default function oneStylesheet(): AstroIntegration {
  let fileOf!: (href: string) => string;
  const joined = new Map<string, string>();
  const replaced = new Set<string>();
  // A chunk is still needed if a page links it alone or a script names it (Vite's preload of a lazy chunk's CSS).
  const stillLinked = new Set<string>();
  return {
    name: 'roukyou-atlas:one-stylesheet',
    hooks: {
      'astro:config:done': ({ config }) => {
        fileOf = outputFileOf(config, 'stylesheet');
      },
      'astro:build:start': () => {
        joined.clear();
        replaced.clear();
        stillLinked.clear();
        const inline = process.env.INLINE_STYLESHEETS === '1';
        const hashes = (store[HASHES] = new Set<string>());
        const inlined = new Map<string, string>();
        const joinedCss = (hrefs: string[]) =>
          joinStylesheets(hrefs.map((h) => ({ name: h, css: readFileSync(fileOf(h), 'utf8') })));
        // The chunks are in the output folder by the time pages are rendered (Astro moves the server build's assets there first).
        addPageStep('one-stylesheet', ({ html }) => {
          const hrefs = stylesheetHrefs(html);
          if (inline && hrefs.length > 0) {
            const key = hrefs.join('\n');
            let css = inlined.get(key);
            if (css === undefined) {
              css = joinedCss(hrefs);
              inlined.set(key, css);
              hashes.add(styleHash(css));
            }
            for (const h of hrefs) replaced.add(h);
            return inlineStylesheets(html, css);
          }
          if (hrefs.length < 2) {
            for (const h of hrefs) stillLinked.add(h);
            return html;
          }
          const key = hrefs.join('\n');
          let href = joined.get(key);
          if (!href) {
            const css = joinedCss(hrefs);
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
          `${pagesStepped()} pages: ${joined.size} joined stylesheet(s) written, ${store[HASHES]?.size ?? 0} inlined, ${removed} chunk(s) no page links any more removed`,
        );
      },
    },
  };
}
