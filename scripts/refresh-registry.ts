/**
 * `npm run refresh:registry` (`-- --dry-run` to plan and check without
 * writing): asks the 法人番号システム Web-API for every worker co-op and
 * applies the answer to content/ (or $CONTENT_DIR) exactly as
 * `import:houjin` applies a download file. Needs HOUJIN_APP_ID; exits 1 with
 * one clear message when anything fails, having written nothing. See
 * scripts/lib/registry-refresh.ts and content/README.md.
 */
import { contentDir } from '../src/content/files.ts';
import { todayInJapan } from '../src/lib/model/dates.ts';
import { printOrFail } from './lib/houjin-import.ts';
import { formatRefreshSummary, refreshRegistry } from './lib/registry-refresh.ts';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length > 0) {
  console.error(`usage: npm run refresh:registry [-- --dry-run]（知らない引数: ${unknown.join(' ')}）`);
  process.exit(2);
}
const dryRun = args.includes('--dry-run');
await printOrFail(async () => {
  const result = await refreshRegistry({
    env: process.env,
    contentDir: contentDir(),
    today: todayInJapan(),
    dryRun,
    onRetry: (message) => console.error(message),
  });
  return formatRefreshSummary(result);
}, dryRun);
