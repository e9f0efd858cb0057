/**
 * `npm run check:data`: checks every entry in content/ (or $CONTENT_DIR) and
 * lists every problem at once, by file and field. Exits 1 when there is any.
 * When the content is sound it reports coverage (listed co-ops against the
 * ministry's newest count) and warns about entries whose newest source is
 * over a year old; warnings go to stdout and never fail the check. A pass is
 * remembered (src/content/check-cache.ts), so the build that follows does not
 * check the same content again; RA_CHECK_CACHE=off checks anyway.
 */
import { checkContentCached, formatProblems } from '../src/integrations/data-check.ts';
import { contentDir, readContent } from '../src/content/files.ts';
import { dataReport, formatReport } from '../src/content/report.ts';
import { todayInJapan } from '../src/lib/model/dates.ts';

const { problems, cached } = checkContentCached();
const { entries } = readContent(contentDir());
const counts = new Map<string, number>();
for (const e of entries) counts.set(e.collection, (counts.get(e.collection) ?? 0) + 1);
console.log(`entries: ${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}`);
if (problems.length > 0) {
  console.error(
    `データチェック: ${problems.length} 件の問題があります（content/ と public/）:\n${formatProblems(problems)}`,
  );
  process.exit(1);
}
console.log(cached ? '問題なし（同じ内容で通ったチェックの記録があります）' : '問題なし');
for (const line of formatReport(dataReport(entries, todayInJapan()))) console.log(line);
