/**
 * Runs the data check before Astro builds, so a broken entry stops the build
 * with every problem listed by file and field (Astro's own reference() does
 * not check that the referenced entry exists). It runs in `astro:config:setup`,
 * before Vite copies public/ into the site, so a symbolic link there or in
 * content/ (links.ts) stops the build before anything follows it.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { contentDir, loadCheckContext, publicDir, readContent, readDataFile } from '../content/files.ts';
import { linkProblems } from '../content/links.ts';
import { validateEntries, type Problem } from '../lib/check/validate.ts';
import { validateSearchSynonyms } from '../lib/check/rules/search-synonyms.ts';
import { todayInJapan } from '../lib/model/dates.ts';
import { checkCacheDir, checkCacheOn, checkKey, passedBefore, rememberPass } from '../content/check-cache.ts';

/** One line per problem: `file › field: message`. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `  ${p.file} › ${p.field}: ${p.message}`).join('\n');
}

/** Reads and checks the content folder, and refuses links there and in the public folder; returns every problem. */
export function checkContent(
  root: string = process.cwd(),
  today: string = todayInJapan(),
  publicFolder: string = publicDir(root),
): Problem[] {
  const links = [...linkProblems(contentDir(root), root), ...linkProblems(publicFolder, root)];
  const { entries, problems } = readContent(contentDir(root), root);
  const synonyms = readDataFile(contentDir(root), 'searchSynonyms', root);
  const synonymChecks =
    synonyms.data === undefined ? [] : validateSearchSynonyms(synonyms.file, synonyms.data, entries);
  return [
    ...links,
    ...problems,
    ...validateEntries(entries, today, loadCheckContext()),
    ...synonyms.problems,
    ...synonymChecks,
  ];
}

/**
 * checkContent, skipped when the same content passed it before (src/content/check-cache.ts: the key covers content/,
 * the listing of public/, the checker's sources and packages, and today's date). Only a pass is remembered. The content
 * is still read by whoever needs it (the collection loaders read it themselves when no check did).
 */
export function checkContentCached(
  root: string = process.cwd(),
  today: string = todayInJapan(),
  publicFolder: string = publicDir(root),
): { problems: Problem[]; cached: boolean } {
  if (!checkCacheOn()) return { problems: checkContent(root, today, publicFolder), cached: false };
  const cacheDir = checkCacheDir(root);
  const key = checkKey(contentDir(root), publicFolder, today);
  if (passedBefore(cacheDir, key)) return { problems: [], cached: true };
  const problems = checkContent(root, today, publicFolder);
  if (problems.length === 0) rememberPass(cacheDir, key);
  return { problems, cached: false };
}

/** The integration: the data check in `astro:config:setup`, throwing with every problem listed. */
export default function dataCheck(): AstroIntegration {
  return {
    name: 'roukyou-atlas:data-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        // Pages that read a data file of content/ (src/content/load.ts) find the folder here even when the build runs
        // from another working directory (`astro build --root`).
        process.env.RA_CONTENT_DIR = contentDir(root);
        const { problems, cached } = checkContentCached(root, undefined, fileURLToPath(config.publicDir));
        if (problems.length > 0) {
          throw new Error(
            `データチェック: ${problems.length} 件の問題があります（content/ と public/）:\n${formatProblems(problems)}`,
          );
        }
        logger.info(
          cached
            ? 'content/ のデータチェック: 問題なし（同じ内容で通ったチェックの記録があります）'
            : 'content/ のデータチェック: 問題なし',
        );
      },
    },
  };
}
