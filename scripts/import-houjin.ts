/**
 * `npm run import:houjin -- FILE…`: imports the 国税庁法人番号公表サイト's
 * download files (全件データ per prefecture or 差分データ; CSV, Unicode edition
 * preferred; zip or plain) into content/ (or $CONTENT_DIR). Worker co-ops we do
 * not have become drafts marked 「登記情報のみ」; entries we have get their
 * registry fields refreshed; closed ones are marked dissolved. Prints a summary;
 * `--dry-run` plans and checks without writing. See content/README.md.
 */
import { contentDir } from '../src/content/files.ts';
import { todayInJapan } from '../src/lib/model/dates.ts';
import { formatSummary, importHoujin, printOrFail } from './lib/houjin-import.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((a) => a !== '--dry-run');
if (files.length === 0) {
  console.error('usage: npm run import:houjin -- [--dry-run] <全件データ・差分データの CSV または zip> …');
  process.exit(2);
}
await printOrFail(
  async () => formatSummary(await importHoujin(files, { contentDir: contentDir(), today: todayInJapan(), dryRun })),
  dryRun,
);
