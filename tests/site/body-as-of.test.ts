/**
 * Every public body's page, its printout header and its embed (where it has one) give one
 * 情報の時点: the newest date of the facts the page reports (its contracts
 * and its own facts), never the day the code list was checked; the re-check
 * notice follows the same date. Expectations come from content/.
 */
import { expect, test } from 'vitest';
import { loadContentDirectory } from '../helpers/content.ts';
import { hasPage, page, requireDist } from '../helpers/dist.ts';
import { bodyFactSources, coopsIn, indexById, lastChecked, needsRecheck } from '../../src/lib/model/directory.ts';
import { todayInJapan } from '../../src/lib/model/dates.ts';
import { paths } from '../../src/lib/model/paths.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const datetimeOf = (d: string) => (d.length === 10 || d.length === 7 ? d : d.slice(0, 4));

test('body pages, their print header and their embed agree on the as-of date of their facts', () => {
  requireDist();
  const today = todayInJapan();
  let withContracts = 0;
  for (const body of dir.bodies) {
    const contracts = dir.contracts.filter((c) => c.commissioner === body.id);
    if (contracts.length > 0) withContracts++;
    const facts = bodyFactSources(body, contracts);
    const asOf = lastChecked(facts)!;
    const html = page(paths.body(body.id));
    const time = `<time datetime="${datetimeOf(asOf)}">`;
    expect(html, body.id).toContain(`情報の時点: ${time}`);
    expect(html, body.id).toContain(`情報の時点: ${time}`);
    expect(html.includes('class="recheck"'), body.id).toBe(needsRecheck(facts, today));
    // An embed exists, and is offered, only where there is something to show: organisations located there or contracts.
    const embed = contracts.length > 0 || coopsIn(body, dir.coops, bodies).length > 0;
    expect(hasPage(`embed/${body.id}/`), body.id).toBe(embed);
    expect(html.includes(`href="/${paths.embed(body.id)}"`), body.id).toBe(embed);
    if (embed) expect(page(`embed/${body.id}/`), body.id).toContain(`情報の時点: ${time}`);
  }
  expect(withContracts).toBeGreaterThan(0);
});

test('桶川市 is dated by its contracts, not by the day its code was checked', () => {
  const body = dir.bodies.find((b) => b.id === '112313')!;
  const contracts = dir.contracts.filter((c) => c.commissioner === body.id);
  expect(contracts.length).toBeGreaterThan(0);
  const expected = lastChecked(
    contracts.flatMap((c) => c.sources),
    contracts.map((c) => c.asOf),
  );
  expect(lastChecked(bodyFactSources(body, contracts))).toBe(expected);
  expect(page(paths.body(body.id))).toContain(`情報の時点: <time datetime="${datetimeOf(expected!)}">`);
});
