/**
 * How to cite a page: APA and BibTeX text with the page's stable URL, its own
 * date (its last change in content/, else the build's), its as-of date
 * (情報の時点) as a note and an access date (the build's day), and the licence
 * of each part. Plain functions; the CiteThis component only renders them (no
 * copy button: content pages ship no JavaScript).
 */
import { EDITORS } from './datapackage.ts';
import { ODBL } from './api.ts';
import { LICENSE } from './datasets/index.ts';
import { HOUJIN_TERMS_PAGE } from '../registry/houjin.ts';
import { registryCredit, type RegistryVia } from '../registry/credit.ts';

/** The site's name as it appears in a citation. */
export const SITE_NAME = '労協アトラス (Roukyou Atlas)';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An APA date in parentheses: '(2026, November 22)', '(2026, November)', '(2026)', or '(n.d.)' when unknown. */
export function apaDate(day: string | undefined): string {
  const m = day?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return '(n.d.)';
  const [, y, mo, d] = m;
  if (!mo) return `(${y})`;
  const month = MONTHS[Number(mo) - 1];
  return d ? `(${y}, ${month} ${Number(d)})` : `(${y}, ${month})`;
}

export interface CitationInput {
  /** The page's title (Japanese as shown). */
  title: string;
  /** The page's stable URL: absolute when SITE_URL is set, else the path. */
  url: string;
  /** The page's own date, 'YYYY-MM-DD': its last change in content/, else the build's day (pageDate). */
  published: string;
  /** 情報の時点, 'YYYY-MM-DD' (or a partial date), when known: a note, not the publication date. */
  asOf: string | undefined;
  /** The access date, 'YYYY-MM-DD': the build's day (the reader replaces it with the day they read the page). */
  accessed: string;
  /** A key for BibTeX, e.g. 'coops/kifukuto' (made safe here). */
  key: string;
}

/** An APA retrieval date: 'December 4, 2026'. */
function apaDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}`;
}

/** The day of an ISO date-time in Japan: the build's day from generatedAt ('2026-12-04T00:00:00+09:00' → '2026-12-04'). */
export function dayInJapan(dateTime: string): string {
  const t = new Date(dateTime);
  if (Number.isNaN(t.getTime())) throw new Error(`not a date-time: ${dateTime}`);
  return new Date(t.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A page's own date for its citation: the newest of its content files' last changes (and any date the entry
 * records, such as a guide's updated), else the build's day.
 */
export function pageDate(changes: readonly (string | undefined)[], buildDay: string): string {
  const known = changes.filter((d): d is string => Boolean(d)).sort();
  return known.at(-1) ?? buildDay;
}

/**
 * APA 7 reference for a web page with a group author, dated by the page, 情報の時点 as a description in square
 * brackets, and a retrieval date (the page changes as sources are added).
 */
export function apaCitation(c: CitationInput): string {
  const note = c.asOf ? ` [情報の時点 ${c.asOf}]` : '';
  return `${EDITORS}. ${apaDate(c.published)}. ${c.title}${note}. ${SITE_NAME}. Retrieved ${apaDay(c.accessed)}, from ${c.url}`;
}

/** Escapes BibTeX's special characters in a field value. */
function bib(value: string): string {
  return value.replace(/([{}\\])/g, '\\$1').replace(/([%&$#_])/g, '\\$1');
}

/**
 * A BibTeX @misc entry: year and month for BibTeX styles, date, url and urldate as biblatex reads them, and
 * 情報の時点 with the licence in the note.
 */
export function bibtexCitation(c: CitationInput): string {
  const key = `roukyou-atlas-${c.key.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const [year, month] = c.published.split('-');
  const lines = [
    `@misc{${key},`,
    `  author = {{${bib(EDITORS)}}},`,
    `  title = {{${bib(c.title)}}},`,
    `  howpublished = {${bib(SITE_NAME)}},`,
    `  year = {${year}},`,
    `  month = ${BIB_MONTHS[Number(month) - 1]},`,
    `  date = {${c.published}},`,
    `  url = {${c.url}},`,
    `  urldate = {${c.accessed}},`,
    `  note = {${c.asOf ? `情報の時点 ${c.asOf}. ` : ''}${LICENSE.name}},`,
    '}',
  ];
  return lines.join('\n');
}

/** One part of a page's data and its licence. */
export interface LicenceLine {
  part: string;
  licence: string;
  url?: string | undefined;
  /** Japanese words an English line keeps (a credit line, a title): shown with lang="ja". */
  ja?: string | undefined;
}

/** The compilation's line, then any part under its own terms; in Japanese, or in English for the English pages. */
export function licenceLines(
  opts: {
    osmPoint?: boolean;
    codeList?: boolean;
    registry?: { asOf?: string | undefined; via?: RegistryVia | undefined } | undefined;
  } = {},
  lang: 'ja' | 'en' = 'ja',
): LicenceLine[] {
  const en = lang === 'en';
  const codeListUrl = 'https://www.soumu.go.jp/denshijiti/code.html';
  return [
    en
      ? {
          part: 'The compilation (choice and arrangement of items, the site’s text)',
          licence: `${LICENSE.name} (credit “Roukyou Atlas”)`,
          url: LICENSE.url.replace(/deed\.ja$/, ''),
        }
      : {
          part: 'このページの編集（項目の選択・構成、サイトの文）',
          licence: `${LICENSE.name}（「労協アトラス」と表示）`,
          url: LICENSE.url,
        },
    ...(opts.osmPoint
      ? [
          {
            part: en
              ? 'Representative point on the map (municipality or prefecture)'
              : '地図の代表点（市区町村・都道府県）',
            licence: `${ODBL.name}${en ? ` (${ODBL.attribution})` : `（${ODBL.attribution}）`}`,
            url: ODBL.url,
          },
        ]
      : []),
    ...(opts.registry
      ? [
          en
            ? {
                part: 'Corporate number and registry data',
                licence: 'Public Data Terms of Use (version 1.0), credit:',
                url: HOUJIN_TERMS_PAGE,
                ja: registryCredit(opts.registry),
              }
            : {
                part: '法人番号・登記情報',
                licence: `公共データ利用規約（第1.0版）。出典：${registryCredit(opts.registry)}`,
                url: HOUJIN_TERMS_PAGE,
              },
        ]
      : []),
    ...(opts.codeList
      ? [
          en
            ? {
                part: 'Names, readings and codes of public bodies',
                licence: 'from the Ministry of Internal Affairs and Communications’ code list',
                url: codeListUrl,
                ja: '全国地方公共団体コード',
              }
            : {
                part: '公共団体の名称・よみ・コード',
                licence: '総務省「全国地方公共団体コード」による',
                url: codeListUrl,
              },
        ]
      : []),
    en
      ? { part: 'Each fact', licence: 'belongs to its source’s publisher (see the sources)' }
      : { part: '個々の事実', licence: '各出典の発行者に権利があります（出典の一覧を参照）' },
  ];
}
