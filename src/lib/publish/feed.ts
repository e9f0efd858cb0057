/**
 * An Atom feed (RFC 4287) of entries newly added or updated: organisations
 * and contracts, dated by their newest source. Entry ids are name-based
 * UUIDs of the entity's stable id, so they survive a change of domain;
 * links are absolute when SITE_URL is set, else root-relative (Atom
 * resolves them against the feed's own address).
 */
import { createHash } from 'node:crypto';
import type { Directory } from '../model/types.ts';
import { indexById, placeName } from '../model/directory.ts';
import { newestDay } from '../model/as-of.ts';
import { paths } from '../model/paths.ts';
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

/** The newest `limit` organisations and contracts, newest first (ties by key, so the order is stable). */
export function feedEntries(dir: Directory, limit = 50): FeedEntry[] {
  const bodies = indexById(dir.bodies);
  const coops = indexById(dir.coops);
  const entries: FeedEntry[] = [];
  for (const c of dir.coops) {
    const updated = newestDay(c.sources);
    if (!updated) continue;
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
    if (!updated) continue;
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

/** The Atom document. `url` writes a site path as a link; `selfUrl` is given only when it is absolute. */
export function atomFeed(opts: {
  title: string;
  subtitle: string;
  entries: FeedEntry[];
  url: (path: string) => string;
  selfUrl?: string | undefined;
  rights: string;
}): string {
  const updated =
    opts.entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>urn:uuid:${uuidV5('roukyou-atlas:feed')}</id>`,
    `  <title>${escapeXml(opts.title)}</title>`,
    `  <subtitle>${escapeXml(opts.subtitle)}</subtitle>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(opts.url(paths.home()))}"/>`,
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
