/**
 * Memoisation of a pure function of a string, bounded: a turn reads the same message through
 * several readers (squash, the model a message names, the spelling of a word), and customers' words
 * repeat from turn to turn. The oldest result is dropped once `max` are kept, so arbitrary input
 * cannot grow it. Only for functions whose result depends on the argument alone and is never
 * mutated by callers (strings, numbers, shared read-only objects).
 */
export function memoString<T>(fn: (s: string) => T, max = 2000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    if (cache.has(s)) return cache.get(s) as T;
    const value = fn(s);
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(s, value);
    return value;
  };
}
