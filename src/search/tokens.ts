/**
 * Index terms that neither of Pagefind's Japanese segmenters can cut apart.
 *
 * Pagefind splits page text with Lindera when it indexes and splits queries
 * with the browser's Intl.Segmenter; the two disagree on compounds and
 * katakana loanwords, so a query word often is not a prefix of any indexed
 * word (https://github.com/Pagefind/pagefind/issues/1237). We index, next to
 * Pagefind's own words, every n-gram of the normalised text written in base-36
 * digits — plain ASCII words that both segmenters leave whole — and search
 * with the same encoding. Pagefind matches a query word as a prefix of index
 * words, so a query of up to n characters finds every text that contains it,
 * and a longer one by its first and last n-grams, which must both be present.
 */

/** Characters per indexed n-gram. */
export const GRAM = 4;

/**
 * One character as a prefix-free base-36 code: three digits below U+B130
 * (Latin, kana, every CJK ideograph of the BMP), else 'z' and four digits.
 * Prefix-free means a prefix of the characters is exactly a prefix of the code.
 */
export function encodeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 35 * 36 * 36) return cp.toString(36).padStart(3, '0');
  return `z${cp.toString(36).padStart(4, '0')}`;
}

/** Encodes a normalised string character by character. */
export function encodeText(normal: string): string {
  let out = '';
  for (const ch of normal) out += encodeChar(ch);
  return out;
}

/** Decodes what encodeText wrote (for tests and debugging). */
export function decodeText(code: string): string {
  let out = '';
  for (let i = 0; i < code.length;) {
    const width = code[i] === 'z' ? 5 : 3;
    const digits = code[i] === 'z' ? code.slice(i + 1, i + 5) : code.slice(i, i + 3);
    out += String.fromCodePoint(parseInt(digits, 36));
    i += width;
  }
  return out;
}

/** The n-grams starting at every position of a normalised string (shorter at its end), unencoded. */
export function grams(normal: string, n: number = GRAM): string[] {
  const chars = [...normal];
  return chars.map((_, i) => chars.slice(i, i + n).join(''));
}

/**
 * Query pieces for one normalised query word: itself when it is at most n
 * characters, else its first and its last n characters. Each piece costs an
 * index chunk to fetch; two pieces that must both be present already pin a
 * long word down, and every page containing the word still has both.
 */
export function queryPieces(normal: string, n: number = GRAM): string[] {
  const chars = [...normal];
  if (chars.length <= n) return chars.length ? [normal] : [];
  return [chars.slice(0, n).join(''), chars.slice(-n).join('')];
}
