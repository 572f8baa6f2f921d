// "Make once per key": the value kept in `cache` for `key`, made by `make` the first time. Used
// wherever something costly or stateful must exist once per key (a formatter per locale, a
// tracker per client, a budget per account).

/** A Map or a WeakMap. */
export type OnceCache<K, V> = { get(key: K): V | undefined; set(key: K, value: V): unknown }

/**
 * The value of `key` in `cache`, made and kept on first use.
 *
 * @example
 * const formats = new Map<string, Intl.NumberFormat>()
 * const en = () => new Intl.NumberFormat('en')
 * madeOnce(formats, 'en', en) === madeOnce(formats, 'en', en) //=> true
 */
export function madeOnce<K, V>(cache: OnceCache<K, V>, key: K, make: () => V): V {
  let value = cache.get(key)
  if (value === undefined) {
    value = make()
    cache.set(key, value)
  }
  return value
}
