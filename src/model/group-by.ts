/**
 * Values grouped by a key, each group in the values' order, the groups in the order their keys
 * first appear. One pass: the way to answer "which of these belong to X" for every X at once,
 * where a filter per X would cost all the values each time.
 */
export function groupBy<T, K>(values: Iterable<T>, keyOf: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** The first value for each key, as a search from the front would find it. */
export function firstByKey<T, K>(values: Iterable<T>, keyOf: (value: T) => K): Map<K, T> {
  const first = new Map<K, T>();
  for (const value of values) {
    const key = keyOf(value);
    if (!first.has(key)) first.set(key, value);
  }
  return first;
}
