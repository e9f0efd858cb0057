/**
 * Valid HTML on the built site: html-validate (its recommended rules) reports 0 errors on every page, the ~1,900
 * generated place pages sampled (tests/site/nu-html.test.ts runs the W3C checker over all of them).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { htmlValidator } from '../helpers/html-validate.ts';
import { distFiles, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';

beforeAll(requireDist);
const htmlFiles = () => distFiles().filter((f) => f.endsWith('.html'));

/**
 * The ~1,900 generated place pages (and their embed pages) share one template
 * and differ only in data; validating every one takes minutes. Validated: all
 * other pages, every place the content mentions (co-ops, contracts, councils,
 * hand-kept files, covered areas), each kind of body and every 40th other one.
 */
function sampledForValidation(): string[] {
  const dir = loadContentDirectory();
  const named = new Set<string>(
    [
      ...dir.coops.flatMap((c) => [
        c.prefecture,
        c.municipality,
        ...(c.areaCodes?.prefectures ?? []),
        ...(c.areaCodes?.municipalities ?? []),
      ]),
      ...dir.contracts.map((c) => c.commissioner),
      ...dir.councils.map((c) => c.prefecture),
      ...dir.bodies.filter((b) => b.kind === '都道府県' || b.kind === '国' || b.windows?.length).map((b) => b.id),
    ].filter((x): x is string => x !== undefined),
  );
  const firstOfKind = new Set<string>();
  for (const b of dir.bodies)
    if (![...firstOfKind].some((id) => dir.bodies.find((x) => x.id === id)?.kind === b.kind)) firstOfKind.add(b.id);
  const keep = (id: string, i: number) => named.has(id) || firstOfKind.has(id) || i % 40 === 0;
  const order = new Map(dir.bodies.map((b, i) => [b.id, i]));
  return htmlFiles().filter((f) => {
    const m = /^(?:municipalities|embed)\/([^/]+)\/index\.html$/.exec(f);
    return !m || keep(m[1]!, order.get(m[1]!) ?? 0);
  });
}

describe('HTML is valid', () => {
  const hv = htmlValidator();
  test('the validator does report errors (so a pass means something)', async () => {
    const r = await hv.validateString(
      '<!doctype html><html lang="ja"><head><title>x</title></head><body><p><div>x</p></body></html>',
    );
    expect(r.valid).toBe(false);
  });
  test('a phone link with breaking hyphens is still reported unless it is a PhoneLink (class phone, kept on one line)', async () => {
    const rules = async (a: string) =>
      (
        await hv.validateString(
          `<!doctype html><html lang="ja"><head><title>x</title></head><body><p>${a}</p></body></html>`,
        )
      ).results
        .flatMap((x) => x.messages)
        .map((m) => m.ruleId);
    expect(await rules('<a href="tel:03-1234-5678">03-1234-5678</a>')).toContain('tel-non-breaking');
    expect(await rules('<a class="phone" href="tel:03-1234-5678">03-1234-5678</a>')).not.toContain('tel-non-breaking');
  });
  test('every built page (generated places sampled) validates with 0 errors', async () => {
    const failures: string[] = [];
    for (const f of sampledForValidation()) {
      const r = await hv.validateString(page(f), f);
      for (const m of r.results.flatMap((x) => x.messages))
        failures.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
});
