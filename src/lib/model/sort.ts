/** 五十音順: names are sorted by their kana reading with the Japanese collator. */
const collator = new Intl.Collator('ja', { usage: 'sort', sensitivity: 'base', numeric: true });

/** Compares two readings in 五十音順. */
export function compareReading(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A copy sorted by reading (ties broken by name, then id, so output never depends on input order). */
export function sortByReading<T extends { reading: string; name?: string; title?: string; id: string }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      compareReading(a.reading, b.reading) ||
      compareReading(a.name ?? a.title ?? '', b.name ?? b.title ?? '') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
