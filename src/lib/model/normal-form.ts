/**
 * One normal form for Japanese search text, applied to the index and to the
 * query alike, so the variants people type meet the text on the page:
 * full/half width (NFKC), upper/lower case, katakana/hiragana, small/large
 * kana, 中黒 and other punctuation, the long-vowel mark and hyphens, old and
 * new forms of a few kanji, and short forms such as 労協.
 */

/** Old or variant kanji → the form most pages use (only for matching; pages keep their spelling). */
const KANJI_VARIANTS: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  濵: '浜',
  濱: '浜',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  嶋: '島',
  嶌: '島',
  櫻: '桜',
  廣: '広',
  國: '国',
  會: '会',
  學: '学',
  與: '与',
  檜: '桧',
  槇: '槙',
  冨: '富',
  德: '徳',
};

/** Small kana → their full-size forms (readings in the official code list use full-size kana). */
const SMALL_KANA: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
};

/**
 * Short forms of organisation names → the words pages use. Both sides are
 * rewritten, so a page that says 労協 and one that says 労働者協同組合 both
 * answer either query. Words for services are not here: they are the
 * everyday-words table in content/search-synonyms.yaml, folded into the
 * encoded fields only (synonyms.ts), so 学童 still finds a page that says 学童保育.
 */
export const SEARCH_ALIASES: ReadonlyArray<readonly [short: string, long: string]> = [
  ['労協', '労働者協同組合'],
  ['ワーコレ', 'ワーカーズ・コレクティブ'],
  ['厚労省', '厚生労働省'],
  ['社協', '社会福祉協議会'],
];

/**
 * Words that are searched as words of their own even when typed inside a
 * longer string, so 「キフクト労働者協同組合」 finds 「労働者協同組合キフクト」: legal
 * forms and the generic parts of organisation names. Longest first.
 */
export const SEPARABLE_WORDS: readonly string[] = [
  '特定非営利活動法人',
  '特定労働者協同組合',
  '労働者協同組合',
  '一般社団法人',
  '一般財団法人',
  '公益社団法人',
  '社会福祉法人',
  'ワーカーズ・コレクティブ',
  'ワーカーズコープ',
  '株式会社',
  '合同会社',
  '有限会社',
  '企業組合',
  'NPO法人',
];

/** NFKC, lower case, katakana → hiragana, small kana → full size, kanji variants folded; nothing removed. */
export function foldCharacters(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const cp = ch.codePointAt(0)!;
    // Katakana ァ..ヶ and the iteration marks ヽヾ sit 0x60 above their hiragana.
    let c = (cp >= 0x30a1 && cp <= 0x30f6) || cp === 0x30fd || cp === 0x30fe ? String.fromCodePoint(cp - 0x60) : ch;
    c = SMALL_KANA[c] ?? KANJI_VARIANTS[c] ?? c;
    out += c;
  }
  return out;
}

/** Keeps letters and digits only: drops spaces, 中黒, brackets, punctuation, symbols, the long-vowel mark ー and hyphens. */
export function stripToLetters(folded: string): string {
  return folded.replace(/[\u30fc\uff70]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
}

const baseNormal = (s: string) => stripToLetters(foldCharacters(s));
const ALIASES_NORMAL = SEARCH_ALIASES.map(([s, l]) => [baseNormal(s), baseNormal(l)] as const).sort(
  (a, b) => b[0].length - a[0].length,
);
const SEPARABLE_NORMAL = [...new Set(SEPARABLE_WORDS.map(baseNormal))].sort((a, b) => b.length - a.length);

/** Replaces short forms by their long forms (input already folded and stripped). */
export function expandAliases(normal: string): string {
  let out = normal;
  for (const [short, long] of ALIASES_NORMAL) {
    if (!out.includes(short)) continue;
    // Split on the long form first so a short form that is part of its own long form is never expanded twice.
    out = out
      .split(long)
      .map((part) => part.split(short).join(long))
      .join(long);
  }
  return out;
}

/** The search normal form of one run of text: folded, letters and digits only, short forms expanded. */
export function normalizeForSearch(text: string): string {
  return expandAliases(baseNormal(text));
}

/** Whether a normalised word is one of the separable words (a legal form or a generic part of names). */
export function isSeparable(normal: string): boolean {
  return SEPARABLE_NORMAL.includes(normal);
}

/**
 * Cuts a normalised string around separable words (legal forms …) so each
 * becomes its own part: 「きふくと労働者協同組合」 → ['きふくと', '労働者協同組合'].
 */
export function splitSeparable(normal: string): string[] {
  for (const word of SEPARABLE_NORMAL) {
    const at = normal.indexOf(word);
    if (at === -1 || normal === word) continue;
    return [...splitSeparable(normal.slice(0, at)), word, ...splitSeparable(normal.slice(at + word.length))].filter(
      Boolean,
    );
  }
  return normal ? [normal] : [];
}
