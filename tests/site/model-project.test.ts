/**
 * The model-project explainer, the council pages and the guides in the
 * built site. Every expectation is derived from content/: the figures on a
 * council page are exactly the council's figures, every member link
 * resolves, every guide shows its sources and its citation marks point at
 * them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, hasPage, page, requireDist, text } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { earliestDay } from '../../src/lib/model/dates.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);

const h1 = (html: string) => text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').trim();
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
/** The section opened by the element with this id, up to the next <section of the same depth (good enough for our markup). */
const sectionOf = (html: string, headingId: string) => {
  const start = html.indexOf(`id="${headingId}"`);
  if (start < 0) return '';
  const end = html.indexOf('</section>', start);
  return html.slice(start, end < 0 ? undefined : end);
};
const sorted = (ns: number[]) => [...ns].sort((a, b) => a - b);
/** Does an absolute site link resolve to a built file? */
const resolves = (href: string) => {
  const target = decodeURIComponent(href.replace(/^\//, '').replace(/[#?].*$/, ''));
  return existsSync(join(DIST, target === '' || target.endsWith('/') ? `${target}index.html` : target));
};

const programme = dir.programmes[0];

// Expectations straight from content/, not from the functions the pages render with.
/** Every figure a council reports: its own and each activity's. */
const figuresIn = (c: (typeof dir.councils)[number]) => [
  ...(c.figures ?? []),
  ...(c.activities ?? []).flatMap((a) => a.figures ?? []),
];
/** The workshops with a participant count or a capacity: the rows of the attendance chart. */
const workshopsWithAttendance = (c: (typeof dir.councils)[number]) =>
  (c.activities ?? []).filter(
    (a) => a.kind === 'workshop' && (a.attendance?.participants !== undefined || a.attendance?.capacity !== undefined),
  );
const councilsOfProgramme = (id: string) => dir.councils.filter((c) => c.programme === id);

describe('the programme explainer', () => {
  test('there is a programme and the councils that name it match its selection', () => {
    expect(programme).toBeDefined();
    expect(councilsOfProgramme(programme!.id)).toHaveLength(programme!.selection.councils);
  });
  test('the overview lists every council with a link, and shows the aims and period', () => {
    const html = page(paths.modelProject());
    expect(h1(html)).toBe(programme!.name);
    for (const c of dir.councils) expect(html).toContain(`href="/${paths.council(c.id)}"`);
    const t = text(main(html));
    for (const a of programme!.aims) expect(t).toContain(a.text);
    expect(t).toContain(`${programme!.fiscalYears.from}年度`);
    expect(t).toContain(`${programme!.fiscalYears.to}年度`);
  });
  test('its timeline holds every programme event and every dated council activity', () => {
    const html = page(paths.modelProject());
    const shown = [...html.matchAll(/data-timeline-date="([^"]+)"/g)].map((m) => m[1]);
    const expected = [
      ...(programme!.events ?? []).map((e) => e.date),
      ...councilsOfProgramme(programme!.id).flatMap((c) =>
        (c.activities ?? []).map((a) => a.date ?? a.from).filter((d): d is string => d !== undefined),
      ),
    ];
    expect([...shown].sort()).toEqual([...expected].sort());
    // In date order (a partial date by the first day it can mean).
    const keys = shown.map((d) => earliestDay(d!));
    expect(keys).toEqual([...keys].sort());
  });
  test('every source of the programme is listed, and every citation mark points at one', () => {
    const html = page(paths.modelProject());
    for (const s of programme!.sources) expect(text(html)).toContain(s.title);
    for (const m of html.matchAll(/href="#(sources-\d+)"/g)) expect(html).toContain(`id="${m[1]}"`);
  });
});

describe('council pages', () => {
  test.each(dir.councils.map((c) => [c.id, c]))(
    '%s has a page with its name, sources and every unpublished item',
    (_id, c) => {
      expect(hasPage(paths.council(c.id))).toBe(true);
      const html = page(paths.council(c.id));
      expect(h1(html)).toBe(c.name);
      const t = text(html);
      for (const s of c.sources) expect(t).toContain(s.title);
      for (const u of c.unpublished ?? []) expect(t).toContain(u);
      for (const m of html.matchAll(/href="#((?:programme-)?sources-\d+)"/g))
        expect(html, m[1]).toContain(`id="${m[1]}"`);
    },
  );

  test.each(dir.councils.map((c) => [c.id, c]))(
    '%s: the figures shown are exactly the figures in content, each with its source',
    (_id, c) => {
      const html = page(paths.council(c.id));
      const figures = figuresIn(c);
      const shown = [...html.matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));
      expect(sorted(shown)).toEqual(sorted(figures.map((f) => f.value)));
      const nf = new Intl.NumberFormat('ja-JP');
      for (const f of figures) {
        const row = [...html.matchAll(/<tr\b[^>]*>[\s\S]*?<\/tr>/g)]
          .map((m) => text(m[0]))
          .find((r) => r.includes(f.label) && r.includes(`${nf.format(f.value)} ${f.unit}`));
        expect(row, `${f.label} ${f.value}${f.unit}`).toBeDefined();
        expect(row).toContain(c.sources[f.source]!.title);
      }
    },
  );

  test.each(dir.councils.map((c) => [c.id, c]))(
    '%s: participants and capacities shown are those in content',
    (_id, c) => {
      const html = page(paths.council(c.id));
      const rows = workshopsWithAttendance(c).map((a) => ({
        id: a.id,
        participants: a.attendance!.participants,
        capacity: a.attendance!.capacity,
      }));
      const chartRows = [...html.matchAll(/<g class="row"[^>]*data-row="([^"]+)"[^>]*>/g)].map((m) => m[0]);
      expect(chartRows).toHaveLength(rows.length);
      for (const r of rows) {
        const tr = new RegExp(`<tr[^>]*data-row="${r.id}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
        expect(tr, r.id).not.toBe('');
        if (r.participants !== undefined) expect(tr).toContain(`data-participants="${r.participants}"`);
        else expect(tr).not.toContain('data-participants=');
        if (r.capacity !== undefined) expect(tr).toContain(`data-capacity="${r.capacity}"`);
      }
      const attendance = (c.activities ?? [])
        .flatMap((a) => [a.attendance?.participants, a.attendance?.capacity])
        .filter((n): n is number => n !== undefined);
      const shown = [...main(html).matchAll(/<span data-(?:participants|capacity)="(\d+)"/g)].map((m) => Number(m[1]));
      expect(sorted(shown)).toEqual(sorted(attendance));
    },
  );

  test.each(dir.councils.map((c) => [c.id, c]))('%s: every activity has its section, date and lists', (_id, c) => {
    const html = page(paths.council(c.id));
    for (const a of c.activities ?? []) {
      const section = new RegExp(`<article[^>]*id="activity-${a.id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
      expect(section, a.id).not.toBe('');
      const t = text(section);
      expect(t).toContain(a.title);
      for (const l of a.lists ?? []) for (const item of l.items) expect(t).toContain(item);
      if (a.date) expect(section).toContain(`datetime="${a.date}"`);
      if (a.from) expect(section).toContain(`datetime="${a.from}"`);
    }
  });

  test.each(dir.councils.map((c) => [c.id]))(
    '%s: the table of contents lists every section heading of the page, in order, and nothing else',
    (id) => {
      const html = page(paths.council(id));
      const toc = /<nav class="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
      const links = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
      // The page's own sections: every h2 in <main> but the closing blocks (the programme's sources and how to cite).
      const headings = [...main(html).matchAll(/<h2[^>]*\bid="([^"]+)"/g)]
        .map((m) => m[1])
        .filter((h) => h !== 'programme-sources-heading' && h !== 'cite-this-heading');
      expect(links.length).toBeGreaterThan(1);
      expect(links).toEqual(headings);
    },
  );

  test('every link to a member, a listed co-op, an operator or a body resolves to a built page', () => {
    const broken: string[] = [];
    for (const c of dir.councils) {
      const html = page(paths.council(c.id));
      const targets = [
        ...(c.members ?? []).flatMap((m) => [m.coop && paths.coop(m.coop), m.body && paths.body(m.body)]),
        ...(c.prefectureCoops?.items ?? []).map((i) => i.coop && paths.coop(i.coop)),
        ...(c.windows ?? []).flatMap((w) => [
          w.operatorCoop && paths.coop(w.operatorCoop),
          w.operatorBody && paths.body(w.operatorBody),
        ]),
        ...(c.activities ?? []).flatMap((a) => [
          ...(a.bodies ?? []).map(paths.body),
          ...(a.coops ?? []).map(paths.coop),
        ]),
        c.secretariat?.coop && paths.coop(c.secretariat.coop),
        c.secretariat?.body && paths.body(c.secretariat.body),
      ].filter((p): p is string => Boolean(p));
      for (const p of targets) {
        if (!html.includes(`href="/${p}"`)) broken.push(`${c.id}: no link to ${p}`);
        else if (!resolves(`/${p}`)) broken.push(`${c.id}: /${p} is not built`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('member co-ops and public bodies link back to their council', () => {
    for (const c of dir.councils) {
      for (const m of c.members ?? []) {
        if (m.coop) expect(page(paths.coop(m.coop)), `${m.coop} → ${c.id}`).toContain(`href="/${paths.council(c.id)}"`);
        if (m.body) expect(page(paths.body(m.body)), `${m.body} → ${c.id}`).toContain(`href="/${paths.council(c.id)}"`);
      }
    }
  });
});

describe('the Kanagawa council in full', () => {
  const k = dir.councils.find((c) => c.id === 'kanagawa')!;
  test('its report gives members, co-ops, plans, windows, activities, problems and plans after the project', () => {
    expect(k.members?.length).toBeGreaterThan(0);
    expect(k.prefectureCoops?.items.length).toBeGreaterThan(0);
    expect(k.plans?.length).toBeGreaterThan(0);
    expect(k.windows?.length).toBeGreaterThan(0);
    expect(figuresIn(k).length).toBeGreaterThan(0);
    expect(workshopsWithAttendance(k).length).toBeGreaterThan(0);
    expect(k.problems?.length).toBeGreaterThan(0);
    expect(k.after?.length).toBeGreaterThan(0);
  });
  test('the page shows each plan, co-op, problem and response, and plan after the project', () => {
    const t = text(page(paths.council(k.id)));
    for (const p of k.plans!) {
      expect(t).toContain(p.theme);
      if (p.stage) expect(t).toContain(p.stage);
    }
    for (const i of k.prefectureCoops!.items) expect(t).toContain(i.name);
    for (const p of k.problems!) {
      expect(t).toContain(p.problem);
      for (const r of p.responses ?? []) expect(t).toContain(r);
    }
    for (const a of k.after!) expect(t).toContain(a.text);
    for (const r of k.reasons ?? []) expect(t).toContain(r.text);
  });
  test('the window shows the organisation’s phone and hours', () => {
    const html = page(paths.council(k.id));
    for (const w of k.windows!) {
      if (w.phone) expect(html).toContain(`href="tel:${w.phone}"`);
      if (w.hours) expect(text(html)).toContain(w.hours);
      expect(text(html)).toContain(w.operator);
    }
  });
  test('the workshop chart is an SVG drawn at build time, with a title and a data table', () => {
    const html = page(paths.council(k.id));
    const svg = /<svg[^>]*data-chart="workshop-chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/<title[^>]*>[^<]+<\/title>/);
    expect([...svg.matchAll(/<rect class="capacity"/g)]).toHaveLength(
      workshopsWithAttendance(k).filter((a) => a.attendance!.capacity !== undefined).length,
    );
    expect([...svg.matchAll(/<rect class="value"/g)]).toHaveLength(
      workshopsWithAttendance(k).filter((a) => a.attendance!.participants !== undefined).length,
    );
    expect(html).toMatch(/<table class="attendance-table[^"]*"/);
  });
});

describe('guides', () => {
  test('the guide index lists every guide in order', () => {
    const html = page(paths.guides());
    const ids = [...html.matchAll(/data-guide="([^"]+)"/g)].map((m) => m[1]);
    const order = [...dir.guides].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
    expect(ids).toEqual(order.map((g) => g.id));
  });
  test('there are guides', () => expect(dir.guides.length).toBeGreaterThan(0));
  test.each(dir.guides.map((g) => [g.id, g]))('%s renders its title, body and every source', (_id, g) => {
    const html = page(paths.guide(g.id));
    expect(h1(html)).toBe(g.title);
    const sources = sectionOf(html, 'sources-heading');
    for (const s of g.sources) {
      expect(text(sources)).toContain(s.title);
      if (s.url) expect(sources).toContain(`href="${s.url.replace(/&/g, '&amp;')}"`);
    }
    expect(text(main(html)).length).toBeGreaterThan(g.summary.length + 200);
  });
  test.each(dir.guides.map((g) => [g.id, g]))(
    '%s: every citation mark points at one of its sources, and every source is cited',
    (_id, g) => {
      const html = page(paths.guide(g.id));
      const cited = new Set([...html.matchAll(/href="#sources-(\d+)"/g)].map((m) => Number(m[1])));
      expect(cited.size).toBeGreaterThan(0);
      for (const n of cited) {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(g.sources.length);
        expect(html).toContain(`id="sources-${n}"`);
      }
      expect([...cited].sort((a, b) => a - b)).toEqual(g.sources.map((_, i) => i + 1));
    },
  );
});

describe('entry points', () => {
  test('the home page links to the explainer and the guides', () => {
    const html = page(paths.home());
    expect(html).toContain(`href="/${paths.modelProject()}"`);
    expect(html).toContain(`href="/${paths.guides()}"`);
  });
  test('the header offers 解説 on every content page', () => {
    for (const route of [
      paths.home(),
      paths.modelProject(),
      paths.guides(),
      ...dir.councils.map((c) => paths.council(c.id)),
    ]) {
      const header = /<header[\s\S]*?<\/header>/.exec(page(route))?.[0] ?? '';
      expect(header, route).toMatch(new RegExp(`<a href="/${paths.guides()}"[^>]*>解説</a>`));
    }
  });
});
