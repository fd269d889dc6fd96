package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers how raw export strings resolved. Exports repeat the same few thousand ward and label
 * spellings millions of times, and each resolution folds text against every candidate; a bounded
 * map per JVM (rebuilt after Spark ships the resolver) makes the repeats free.
 */
final class ResolutionCache<V> implements Serializable {
  /** Beyond this many distinct spellings, stop remembering: a flood of junk must not exhaust memory. */
  static final int MAX_ENTRIES = 100_000;
  private transient Map<String, V> entries;

  V get(String raw, Function<String, V> resolve) {
    if (raw == null) {
      return resolve.apply(null);
    }
    Map<String, V> map = entries;
    if (map == null) {
      map = new ConcurrentHashMap<>();
      entries = map;
    }
    V known = map.get(raw);
    if (known != null) {
      return known;
    }
    V resolved = resolve.apply(raw);
    if (map.size() < MAX_ENTRIES) {
      map.put(raw, resolved);
    }
    return resolved;
  }
}
