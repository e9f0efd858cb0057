/**
 * Atom feeds (RFC 4287) of entries newly added or updated: organisations
 * and contracts, dated by their newest source — the whole directory's
 * (/feed.xml), and one per prefecture and per category with any entry. Entry ids are name-based
 * UUIDs of the entity's stable id, so they survive a change of domain;
 * links are absolute when SITE_URL is set, else root-relative (Atom
 * resolves them against the feed's own address).
 */
import { createHash } from 'node:crypto';
import type { Body, Contract, Coop, Directory } from '../model/types.ts';
import { bodyPrefecture, indexById, placeName, prefectureOf } from '../model/directory.ts';
import { newestDay } from '../model/as-of.ts';
import { paths } from '../model/paths.ts';
import { rememberedPer } from '../model/remember.ts';
import { ORG_KIND } from '../model/vocabularies.ts';

/** One feed entry before serialisation. */
export interface FeedEntry {
  /** Stable key of the entity: 'coops/<id>' or 'contracts/<id>'. */
  key: string;
  title: string;
  /** Site path of the page that shows it. */
  path: string;
  /** 'YYYY-MM-DD': the newest date among its sources (a year or month counts as its first day). */
  updated: string;
  summary: string;
  category: { term: string; label: string };
}

/** Which entries a feed follows: every one, one prefecture's (organisations there, contracts its public bodies give) or one category's. */
export type FeedScope = { prefecture: string } | { category: string } | undefined;

/** Whether an organisation and a contract belong to a scope. */
function scopeFilter(scope: FeedScope, bodies: ReadonlyMap<string, Body>) {
  if (scope && 'prefecture' in scope)
    return {
      coop: (c: Coop) => prefectureOf(c, bodies) === scope.prefecture,
      contract: (k: Contract) => bodyPrefecture(bodies.get(k.commissioner)) === scope.prefecture,
    };
  if (scope && 'category' in scope)
    return {
      coop: (c: Coop) => c.categories.includes(scope.category),
      contract: (k: Contract) => k.category === scope.category,
    };
  return { coop: () => true, contract: () => true };
}

/** The directory's bodies and organisations by id, made once per directory: every feed and the feeds' scopes ask. */
const lookupsOf = rememberedPer((dir: Directory) => ({ bodies: indexById(dir.bodies), coops: indexById(dir.coops) }));

/** The newest `limit` organisations and contracts of a scope (all by default), newest first (ties by key, so the order is stable). */
export function feedEntries(dir: Directory, limit = 50, scope?: FeedScope): FeedEntry[] {
  const { bodies, coops } = lookupsOf(dir);
  const include = scopeFilter(scope, bodies);
  const entries: FeedEntry[] = [];
  for (const c of dir.coops) {
    const updated = newestDay(c.sources);
    if (!updated || !include.coop(c)) continue;
    const where = placeName(c, bodies) ?? '';
    entries.push({
      key: `coops/${c.id}`,
      title: c.name,
      path: paths.coop(c.id),
      updated,
      summary: [`${ORG_KIND.labels[c.kind]}${where ? `（${where}）` : ''}。`, c.summary].filter(Boolean).join(''),
      category: { term: 'coop', label: '団体' },
    });
  }
  for (const k of dir.contracts) {
    const updated = newestDay(k.sources);
    if (!updated || !include.contract(k)) continue;
    const body = bodies.get(k.commissioner)?.name ?? k.commissioner;
    const contractor = coops.get(k.contractor)?.name ?? k.contractor;
    entries.push({
      key: `contracts/${k.id}`,
      title: `${body}の委託: ${k.programme}`,
      path: paths.body(k.commissioner),
      updated,
      summary: `${body}から${contractor}への委託（${k.programme}）。`,
      category: { term: 'contract', label: '委託' },
    });
  }
  return entries
    .sort((a, b) => (a.updated === b.updated ? (a.key < b.key ? -1 : 1) : a.updated < b.updated ? 1 : -1))
    .slice(0, limit);
}

/**
 * The prefectures and categories (ids, sorted) that have a feed: those with at least one dated organisation or
 * contract. Only these get a feed file and a link, so no feed is empty and no link is dead. Every public body's and
 * category's page asks (pageFeed): worked out once per directory, that is once per build.
 */
export const feedScopes = rememberedPer((dir: Directory): { prefectures: string[]; categories: string[] } => {
  const { bodies } = lookupsOf(dir);
  const prefectures = new Set<string>();
  const categories = new Set<string>();
  for (const c of dir.coops) {
    if (!newestDay(c.sources)) continue;
    const p = prefectureOf(c, bodies);
    if (p) prefectures.add(p);
    for (const id of c.categories) categories.add(id);
  }
  for (const k of dir.contracts) {
    if (!newestDay(k.sources)) continue;
    const p = bodyPrefecture(bodies.get(k.commissioner));
    if (p) prefectures.add(p);
    categories.add(k.category);
  }
  return { prefectures: [...prefectures].sort(), categories: [...categories].sort() };
});

/** Where a scope's feed lives and what it is called: its path, the page it follows, its title, its stable id. */
export function feedOf(dir: Directory, scope: FeedScope) {
  if (scope && 'prefecture' in scope) {
    const name = dir.bodies.find((b) => b.id === scope.prefecture)?.name ?? scope.prefecture;
    return {
      path: paths.prefectureFeed(scope.prefecture),
      page: paths.body(scope.prefecture),
      title: `労協アトラス 新着・更新（${name}）`,
      subtitle: `${name}に所在する団体と、${name}内の公共団体による委託を、出典の日付が新しい順に並べています。`,
      key: `feed/prefecture/${scope.prefecture}`,
    };
  }
  if (scope && 'category' in scope) {
    const name = dir.categories.find((c) => c.id === scope.category)?.name ?? scope.category;
    return {
      path: paths.categoryFeed(scope.category),
      page: paths.category(scope.category),
      title: `労協アトラス 新着・更新（分野：${name}）`,
      subtitle: `${name}の分野の団体と委託を、出典の日付が新しい順に並べています。`,
      key: `feed/category/${scope.category}`,
    };
  }
  return {
    path: paths.feed(),
    page: paths.home(),
    title: '労協アトラス 新着・更新',
    subtitle: '掲載した団体と委託を、出典の日付が新しい順に並べています。',
    key: 'feed',
  };
}

/** A prefecture's or category's feed when it has one (see feedScopes), for the page that links it; else undefined. */
export function pageFeed(dir: Directory, scope: NonNullable<FeedScope>): ReturnType<typeof feedOf> | undefined {
  const scopes = feedScopes(dir);
  const has =
    'prefecture' in scope ? scopes.prefectures.includes(scope.prefecture) : scopes.categories.includes(scope.category);
  return has ? feedOf(dir, scope) : undefined;
}

/** The licence line every feed carries. */
const FEED_RIGHTS = 'このまとめはCC BY 4.0（出典は各ページに記載）';

/** A scope's whole Atom document: `url` writes a site path as a link; `absolute` says whether those links are absolute (SITE_URL). */
export function feedDocument(
  dir: Directory,
  scope: FeedScope,
  url: (path: string) => string,
  absolute: boolean,
): string {
  const feed = feedOf(dir, scope);
  return atomFeed({
    title: feed.title,
    subtitle: feed.subtitle,
    entries: feedEntries(dir, 50, scope),
    url,
    selfUrl: absolute ? url(feed.path) : undefined,
    rights: FEED_RIGHTS,
    id: `roukyou-atlas:${feed.key}`,
    alternate: feed.page,
  });
}

/** A name-based (version 5, SHA-1) UUID, RFC 9562. */
export function uuidV5(name: string, namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const atomDate = (day: string) => `${day}T00:00:00+09:00`;

/**
 * The Atom document. `url` writes a site path as a link; `selfUrl` is given only when it is absolute; `id` names the
 * feed for its stable UUID (default: the site-wide feed's); `alternate` is the page it follows (default: the home page).
 */
export function atomFeed(opts: {
  title: string;
  subtitle: string;
  entries: FeedEntry[];
  url: (path: string) => string;
  selfUrl?: string | undefined;
  rights: string;
  id?: string;
  alternate?: string;
}): string {
  const updated =
    opts.entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>urn:uuid:${uuidV5(opts.id ?? 'roukyou-atlas:feed')}</id>`,
    `  <title>${escapeXml(opts.title)}</title>`,
    `  <subtitle>${escapeXml(opts.subtitle)}</subtitle>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(opts.url(opts.alternate ?? paths.home()))}"/>`,
    ...(opts.selfUrl ? [`  <link rel="self" type="application/atom+xml" href="${escapeXml(opts.selfUrl)}"/>`] : []),
    '  <author><name>労協アトラス</name></author>',
    `  <rights>${escapeXml(opts.rights)}</rights>`,
    ...opts.entries.flatMap((e) => [
      '  <entry>',
      `    <id>urn:uuid:${uuidV5(`roukyou-atlas:${e.key}`)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(opts.url(e.path))}"/>`,
      `    <updated>${atomDate(e.updated)}</updated>`,
      `    <category term="${e.category.term}" label="${escapeXml(e.category.label)}"/>`,
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
