/**
 * Characters that must never reach a page from content: they hide text,
 * reorder it, or show that a file was not read as UTF-8. Every string in
 * every entry is checked (the data check walks the raw data), and the
 * message names the character and its position.
 */

/** Names of the characters the check refuses, for messages. */
const NAMED: Record<number, string> = {
  0x00ad: 'ソフトハイフン',
  0x061c: 'アラビア文字の方向記号',
  0x180e: 'モンゴル文字の母音区切り',
  0x200b: 'ゼロ幅スペース',
  0x200c: 'ゼロ幅非接合子',
  0x200d: 'ゼロ幅接合子',
  0x200e: '左から右への方向記号',
  0x200f: '右から左への方向記号',
  0x2028: '行区切り文字',
  0x2029: '段落区切り文字',
  0x202a: '方向の埋め込み（LRE）',
  0x202b: '方向の埋め込み（RLE）',
  0x202c: '方向の書式の終わり（PDF）',
  0x202d: '方向の上書き（LRO）',
  0x202e: '方向の上書き（RLO）',
  0x2060: '単語結合子',
  0x2066: '方向の分離（LRI）',
  0x2067: '方向の分離（RLI）',
  0x2068: '方向の分離（FSI）',
  0x2069: '方向の分離の終わり（PDI）',
  0xfeff: 'ゼロ幅ノーブレークスペース（BOM）',
  0xfffd: '置換文字 U+FFFD（UTF-8 でない文字が化けたもの）',
};

/**
 * Refused: C0 controls except tab and line feed (YAML block text keeps line
 * feeds; a CR is dropped by the YAML reader), DEL and C1 controls, every
 * format character (Unicode category Cf: zero-width, bidi controls, BOM …),
 * line/paragraph separators, private-use and unassigned code points, and the
 * replacement character.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\p{Co}\p{Cn}\ufffd]/u;

/** Something a reader can see: a letter, digit, punctuation mark or symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

function describe(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMED[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? '制御文字' : '見えない・書式用の文字');
  return `${hex}（${name}）`;
}

/** What is wrong with a string from content, or undefined. */
export function textProblem(value: string): string | undefined {
  const m = FORBIDDEN.exec(value);
  if (m) {
    const position = [...value.slice(0, m.index)].length + 1;
    return `使えない文字${describe(m[0])}が${position}文字目にあります`;
  }
  if (value.length > 0 && !VISIBLE.test(value)) return '見える文字がありません（空白だけの値です）';
  return undefined;
}

/** Every string inside a value with its field path (`sources[0].title`), for the data check's walk. */
export function* stringsIn(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], `${path}[${i}]`);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, path ? `${path}.${k}` : k);
  }
}

/** Line breaks and tabs too: a printed line must stay one line. */
const NOT_PRINTABLE = new RegExp(`${FORBIDDEN.source}|[\\t\\n\\r]`, 'gu');

/**
 * A value made safe to print on one terminal line: every character the data
 * check refuses (escape sequences, bidi controls …) and every line break or tab
 * is shown as its code point (`<U+001B>`) instead of acting on the terminal.
 */
export function printable(value: string): string {
  return value.replace(NOT_PRINTABLE, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
