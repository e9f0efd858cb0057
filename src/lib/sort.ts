/** 五十音順: names are sorted by their kana reading with the Japanese collator. */
const collator = new Intl.Collator('ja', { usage: 'sort', sensitivity: 'base', numeric: true });

/** Compares two readings in 五十音順. */
export function compareReading(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A copy sorted by reading (ties broken by name, then id, so output never depends on input order). */
export function sortByReading<T extends { reading: string; name?: string; title?: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      compareReading(a.reading, b.reading) ||
      compareReading(a.name ?? a.title ?? '', b.name ?? b.title ?? '') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const ROWS = ['あ', 'か', 'さ', 'た', 'な', 'は', 'ま', 'や', 'ら', 'わ'] as const;
const ROW_STARTS = ['あ', 'か', 'さ', 'た', 'な', 'は', 'ま', 'や', 'ら', 'わ', 'ん'];

/** The 五十音 row (あ行, か行 …) a reading starts in; '英数' for Latin letters and digits. */
export function kanaRow(reading: string): string {
  const first = reading.normalize('NFKC').charAt(0);
  if (!first) return 'その他';
  // Katakana → hiragana, voiced → plain by the collator's base comparison.
  const hira = first.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  if (!/[\u3041-\u3096]/.test(hira)) return /[A-Za-z0-9]/.test(first) ? '英数' : 'その他';
  for (let i = ROWS.length - 1; i >= 0; i--) {
    if (collator.compare(hira, ROW_STARTS[i]!) >= 0) return `${ROWS[i]}行`;
  }
  return 'あ行';
}
