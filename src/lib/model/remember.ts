/**
 * A pure function of a string that remembers its results: the same names, runs and characters recur on
 * thousands of pages and in every result's text. The memory is emptied when it holds `limit` results, so a
 * huge site cannot fill it. Runs in the build and in the browser.
 */
export function remembering<T>(fn: (key: string) => T, limit = 50_000): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let v = seen.get(key);
    if (v === undefined) {
      if (seen.size >= limit) seen.clear();
      seen.set(key, (v = fn(key)));
    }
    return v;
  };
}

/**
 * A pure function of an object (a build's directory, a lookup, a list of entries) that remembers its result for as
 * long as that object lives: the pages of a build ask the same question of the same object thousands of times.
 * An undefined result is remembered too.
 */
export function rememberedPer<K extends object, T>(fn: (key: K) => T): (key: K) => T {
  const seen = new WeakMap<K, T>();
  return (key) => {
    if (seen.has(key)) return seen.get(key) as T;
    const v = fn(key);
    seen.set(key, v);
    return v;
  };
}
