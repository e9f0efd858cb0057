/** Module scripts' static imports preloaded from the head (src/lib/publish/module-preload.ts). */
import { describe, expect, test } from 'vitest';
import {
  addModulePreloads,
  moduleScriptSrcs,
  preloadsOf,
  staticImports,
} from '../../../src/lib/publish/module-preload.ts';

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('module preloads', () => {
  test('finds the module scripts Astro writes, in document order, and no other script', () => {
    const html = page(
      '<script type="module" src="/sub/_astro/a.js"></script><p>x</p><script type="application/ld+json">{}</script><script type="module" src="/sub/_astro/b.js"></script>',
    );
    expect(moduleScriptSrcs(html)).toEqual(['/sub/_astro/a.js', '/sub/_astro/b.js']);
    expect(moduleScriptSrcs(page('<p>no script</p>'))).toEqual([]);
  });

  test('reads static imports, resolved against the module, and leaves import() and import.meta out', async () => {
    const code =
      'import{t as e}from"./preload-helper.abc.js";import"../shared/x.js";export{y}from"./y.js";' +
      'const m=()=>e(()=>import(`./leaflet.def.js`),[]);console.log(import.meta.url);';
    expect(await staticImports(code, '/sub/_astro/island.js')).toEqual([
      '/sub/_astro/preload-helper.abc.js',
      '/sub/shared/x.js',
      '/sub/_astro/y.js',
    ]);
  });

  test('names the module when a static import is not a sibling chunk', async () => {
    await expect(staticImports('import "leaflet";', '/_astro/island.js')).rejects.toThrow(
      '/_astro/island.js: a static import of "leaflet" is not a sibling chunk',
    );
  });

  test('follows imports of imports once each, and leaves the scripts themselves out', async () => {
    const files: Record<string, string> = {
      '/_astro/a.js': 'import"./shared.js";import"./b.js";',
      '/_astro/b.js': 'import"./shared.js";import"./deep.js";',
      '/_astro/shared.js': 'import"./a.js";export const s=1;',
      '/_astro/deep.js': 'export const d=1;',
    };
    const read: string[] = [];
    const codeOf = (p: string) => {
      read.push(p);
      const code = files[p];
      if (code === undefined) throw new Error(`no ${p}`);
      return code;
    };
    expect(await preloadsOf(['/_astro/a.js', '/_astro/b.js'], codeOf)).toEqual([
      '/_astro/shared.js',
      '/_astro/deep.js',
    ]);
    expect(read.sort()).toEqual(['/_astro/a.js', '/_astro/b.js', '/_astro/deep.js', '/_astro/shared.js']);
  });

  test('adds each link once at the end of the head; a page with nothing to add comes back as it was', () => {
    const html = page('<script type="module" src="/_astro/a.js"></script>');
    const out = addModulePreloads(html, ['/_astro/h.js', '/_astro/s.js']);
    expect(out).toBe(
      html.replace(
        '</head>',
        '<link rel="modulepreload" href="/_astro/h.js"><link rel="modulepreload" href="/_astro/s.js"></head>',
      ),
    );
    expect(addModulePreloads(out, ['/_astro/h.js'])).toBe(out);
    expect(addModulePreloads(html, [])).toBe(html);
    expect(() => addModulePreloads('<p>x</p>', ['/_astro/h.js'])).toThrow('no </head>');
  });
});
