/**
 * `npm run build [-- astro build options]`: `astro build`, with the search
 * index written after Astro's process has exited, so that the build's two big
 * processes never hold their peaks at once (src/integrations/build-parent.ts).
 *
 * This small process opens Pagefind's index, starts `astro build` with an IPC
 * channel and feeds the index the pages Astro sends as it renders them. When
 * Astro has exited having handed over its finished site (`<outDir>.partial/`),
 * it writes the bundle there, then the completion marker, and moves the site
 * into place (src/integrations/whole-build.ts); if the bundle fails, the
 * partial folder is removed and the previous site stays. Astro's exit code is
 * passed on; a signal sent to this process is passed to Astro.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_IN_PARENT, serveAstro } from '../src/integrations/build-parent.ts';
import { finishSite } from '../src/integrations/whole-build.ts';
import { indexLine, openFeed } from '../src/search/build/pagefind-feed.ts';
import { SEARCH_BUNDLE } from '../src/search/url.ts';

const astroBin = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

const feed = await openFeed();
const astro = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, [INDEX_IN_PARENT]: '1' },
});
// A signal stops Astro (then this process, with its exit); once Astro has exited it stops the bundle being written,
// leaving the partial folder as a killed build does.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    if (astro.exitCode === null && astro.signalCode === null) astro.kill(signal);
    else void feed.close().finally(() => process.exit(1));
  });

const { site, code } = await serveAstro(astro, (page) => feed.add(page));
if (code !== 0 || !site) {
  await feed.close();
  if (code === 0)
    console.error('astro build ended without handing over its site (is whole-build.ts the last integration?)');
  process.exit(code || 1);
}
const started = Date.now();
try {
  const { pages } = await feed.finish(join(site.folders.partial, SEARCH_BUNDLE));
  console.log(indexLine(pages, (Date.now() - started) / 1000));
  const files = finishSite(site.folders, site.base);
  console.log(`${files}ファイルを完成させてから ${site.folders.target} に移しました`);
} catch (e) {
  rmSync(site.folders.partial, { recursive: true, force: true });
  throw e;
}
