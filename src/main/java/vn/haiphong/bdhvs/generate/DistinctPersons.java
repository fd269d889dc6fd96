package vn.haiphong.bdhvs.generate;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import vn.haiphong.bdhvs.identity.PersonKeys;

/**
 * Counts persons the way the ingest will (docs/specification.md §4), with the project's own {@link PersonKeys}: the
 * figures promised in expected.json are checked against the real key rule, not a copy of it.
 */
final class DistinctPersons {

  /** Any fixed key gives the same partition into persons; this one never leaves the generator. */
  private static final PersonKeys KEYS =
      new PersonKeys("bdhvs-generator-self-check".getBytes(StandardCharsets.UTF_8));

  private final Set<String> keys = new HashSet<>();

  static String key(String cccd, String phone, String platform, String platformId) {
    return KEYS.personKey(cccd, phone, platform, platformId);
  }

  /** {@code cccd}, {@code phone} or {@code platform}. */
  static String basis(String cccd, String phone, String platform, String platformId) {
    return KEYS.basis(cccd, phone, platform, platformId);
  }

  void add(String cccd, String phone, String platform, String platformId) {
    keys.add(key(cccd, phone, platform, platformId));
  }

  int count() {
    return keys.size();
  }

  @Override
  public String toString() {
    return Integer.toString(keys.size());
  }
}
