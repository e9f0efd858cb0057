/**
 * The passage shown under a search result: a window of the page text around
 * the first place a query word occurs, compared in the search normal form
 * (so ワーカーズ・コープ marks ワーカーズコープ), with the matches marked.
 */
import { foldCharacters, stripToLetters } from '../lib/model/normal-form.ts';
import { remembering } from '../lib/model/remember.ts';

/** A piece of an excerpt; `mark` pieces are matches. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Each character's normal form, worked out once: a page's text repeats few distinct characters, and folding one
 * (NFKC, two regular expressions) costs far more than looking it up.
 */
const foldOne = remembering((ch) => stripToLetters(foldCharacters(ch)));

/** Where each normal-form character came from in the original text (code point indexes). */
function normalWithOrigins(chars: readonly string[]): { normal: string; origin: number[] } {
  let normal = '';
  const origin: number[] = [];
  chars.forEach((ch, i) => {
    for (const c of foldOne(ch)) {
      normal += c;
      origin.push(i);
    }
  });
  return { normal, origin };
}

/** Ranges [start, end) in code points of the original text where any word occurs, sorted, non-overlapping. */
export function matchRanges(text: string, words: readonly string[]): Array<[number, number]> {
  return rangesIn([...text], words);
}

/** matchRanges over text already cut into code points. */
function rangesIn(chars: readonly string[], words: readonly string[]): Array<[number, number]> {
  const { normal, origin } = normalWithOrigins(chars);
  const ranges: Array<[number, number]> = [];
  for (const word of words.filter(Boolean)) {
    for (let at = normal.indexOf(word); at !== -1; at = normal.indexOf(word, at + 1)) {
      ranges.push([origin[at]!, origin[at + [...word].length - 1]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * About `length` characters of `text` around the first match (or from the
 * start when nothing matches), with every match inside marked and an
 * ellipsis where the text was cut.
 */
export function excerpt(text: string, words: readonly string[], length = 90): ExcerptPart[] {
  const chars = [
    ...text
      .replace(/\u200b/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  const ranges = rangesIn(chars, words);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(length / 4), chars.length - length));
  // Start at the label of the matched value when it is near (「… ／ よみ：さっぽろし」 → 「よみ：さっぽろし」).
  const from = Math.max(0, first - Math.floor(length / 2));
  const separator = chars.slice(from, first).lastIndexOf('／');
  if (separator !== -1) start = from + separator + 1;
  while (start > 0 && chars[start] === ' ') start++;
  const end = Math.min(chars.length, start + length);
  const parts: ExcerptPart[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to > from) parts.push({ text: chars.slice(from, to).join(''), mark });
  };
  let cursor = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    push(cursor, Math.max(cursor, a), false);
    push(Math.max(cursor, a), Math.min(b, end), true);
    cursor = Math.min(b, end);
  }
  push(cursor, end, false);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < chars.length) parts.push({ text: '…', mark: false });
  return parts;
}
