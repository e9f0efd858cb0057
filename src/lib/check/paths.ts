/** Field paths in messages (`sources[0].url`) and the values found at a schema path. */

/** Values at a path such as `services[].category`, with the concrete path of each. */
export function valuesAt(data: unknown, path: string): Array<[string, unknown]> {
  const steps = path.split('.');
  let current: Array<[string, unknown]> = [['', data]];
  for (const step of steps) {
    const isArray = step.endsWith('[]');
    const key = isArray ? step.slice(0, -2) : step;
    const next: Array<[string, unknown]> = [];
    for (const [p, value] of current) {
      if (value === null || typeof value !== 'object') continue;
      const child = (value as Record<string, unknown>)[key];
      const childPath = p ? `${p}.${key}` : key;
      if (child === undefined) continue;
      if (isArray) {
        if (Array.isArray(child)) child.forEach((c, i) => next.push([`${childPath}[${i}]`, c]));
      } else {
        next.push([childPath, child]);
      }
    }
    current = next;
  }
  return current;
}

/** Formats a zod issue path as `sources[0].url`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Every numeric `source` / `…Source` index inside an entry, with its field path. */
export function sourceIndexesIn(value: unknown, path = ''): Array<[string, number]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourceIndexesIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const p = path ? `${path}.${k}` : k;
    if (typeof v === 'number' && (k === 'source' || k.endsWith('Source'))) return [[p, v] as [string, number]];
    return sourceIndexesIn(v, p);
  });
}
