package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.codes.QualityFlag;

/**
 * The 114 units of {@code reference/wards.csv} and the rules that turn a ward field into one of
 * them (docs/specification.md §3.2): the code; the current name in any spelling; or a pre-2025 unit name that went
 * to exactly one new unit. A current name wins over a legacy name spelled the same.
 */
public final class WardDirectory implements Serializable {

  private static final Pattern CODE = Pattern.compile("\\d{5}");

  /** A pre-2025 unit named in the predecessors, e.g. {@code xã Hùng Thắng} (huyện Tiên Lãng), and the new unit(s) its people went to. */
  public record LegacyName(String name, String oldDistrict, List<String> wardCodes) implements Serializable {

    public boolean ambiguous() {
      return wardCodes.size() > 1;
    }
  }

  // A legacy name with what is needed to match it.
  private record Legacy(UnitType type, String bareName, LegacyName legacy) implements Serializable {}

  private final List<Ward> wards;
  private final Map<String, Ward> byCode;
  private final List<Legacy> legacies;
  private final ResolutionCache<WardResolution> cache = new ResolutionCache<>();

  private WardDirectory(List<Ward> wards, List<Legacy> legacies) {
    this.wards = List.copyOf(wards);
    this.byCode = wards.stream().collect(Collectors.toMap(Ward::code, Function.identity()));
    this.legacies = List.copyOf(legacies);
  }

  public static WardDirectory load() {
    List<Ward> wards = new ArrayList<>();
    Map<List<String>, LegacyBuilder> legacy = new LinkedHashMap<>();
    for (ReferenceTable.Row row : ReferenceTable.load("wards").rows()) {
      String code = row.text("code");
      if (!CODE.matcher(code).matches()) {
        throw row.error("code", "a 5-digit code");
      }
      wards.add(new Ward(code, row.text("name"), UnitType.ofCode(row.text("unit_type")).code,
          row.bigint("population"), row.decimal("area_km2")));
      for (String clause : row.text("predecessors").split(";")) {
        Predecessor p = Predecessor.parse(clause, code);
        List<String> key = List.of(p.type().name(), VietText.toneKey(p.name()),
            p.district() == null ? "" : VietText.toneKey(p.district()));
        legacy.computeIfAbsent(key, k -> new LegacyBuilder(p)).add(p, code);
      }
    }
    wards.sort(Comparator.comparing(Ward::code));
    return new WardDirectory(wards, legacy.values().stream().map(LegacyBuilder::build).toList());
  }

  /** The 114 units ordered by code. */
  public List<Ward> wards() {
    return wards;
  }

  public Optional<Ward> byCode(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
  }

  public List<LegacyName> legacyNames() {
    return legacies.stream().map(Legacy::legacy).toList();
  }

  public WardResolution resolve(String raw) {
    return cache.get(raw, this::resolveUncached);
  }

  private WardResolution resolveUncached(String raw) {
    if (raw == null || raw.isBlank()) {
      return unresolved(QualityFlag.WARD_EMPTY.code());
    }
    String text = raw.strip();
    if (CODE.matcher(text).matches()) {
      return byCode(text).map(w -> new WardResolution(w.code(), "code", null)).orElse(unresolved(QualityFlag.WARD_UNKNOWN.code()));
    }
    WardField field = WardField.parse(text);
    if (field.name().isEmpty()) {
      return unresolved(QualityFlag.WARD_UNKNOWN.code());
    }
    if (CODE.matcher(field.name()).matches()) {
      return resolve(field.name()); // "11560 - Thủy Nguyên": the code decides
    }
    if (field.district() == null) {
      List<Ward> current = currentNamed(field.name(), field.type());
      if (!current.isEmpty()) {
        return current.size() == 1 ? named(current.get(0)) : unresolved(QualityFlag.WARD_UNKNOWN.code());
      }
    }
    TreeSet<String> legacyCodes = legacyCodes(field);
    if (legacyCodes.size() == 1) {
      return new WardResolution(legacyCodes.first(), "legacy_name", null);
    }
    if (legacyCodes.size() > 1) {
      return unresolved(QualityFlag.WARD_AMBIGUOUS_LEGACY.code());
    }
    // A current name with a mistyped type word, or followed by its (new or old) district.
    List<Ward> current = currentNamed(field.name(), null);
    return current.size() == 1 ? named(current.get(0)) : unresolved(QualityFlag.WARD_UNKNOWN.code());
  }

  private List<Ward> currentNamed(String name, UnitType type) {
    List<Ward> candidates = wards.stream().filter(w -> type == null || type.code != null && type.code.equals(w.unitType())).toList();
    return matching(candidates, Ward::name, name);
  }

  private TreeSet<String> legacyCodes(WardField field) {
    List<Legacy> named = matching(legacies.stream().filter(l -> field.type() == null || l.type() == field.type()).toList(),
        Legacy::bareName, field.name());
    String district = field.districtKey();
    if (district != null) {
      List<Legacy> inDistrict = named.stream()
          .filter(l -> l.legacy().oldDistrict() != null && WardField.districtKey(l.legacy().oldDistrict()).equals(district))
          .toList();
      // A district the resolution did not write down: only the names it left without a district can match.
      named = inDistrict.isEmpty() ? named.stream().filter(l -> l.legacy().oldDistrict() == null).toList() : inDistrict;
    }
    return named.stream().flatMap(l -> l.legacy().wardCodes().stream()).collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Candidates whose name equals {@code name} with diacritics (tone placement aside), else without:
   * {@code Cẩm Giang} and {@code Cẩm Giàng} are two units, told apart only by their diacritics.
   */
  private static <T> List<T> matching(List<T> candidates, Function<T, String> nameOf, String name) {
    String exact = VietText.toneKey(name);
    List<T> found = candidates.stream().filter(c -> VietText.toneKey(nameOf.apply(c)).equals(exact)).toList();
    if (!found.isEmpty()) {
      return found;
    }
    String folded = VietText.fold(name);
    return candidates.stream().filter(c -> VietText.fold(nameOf.apply(c)).equals(folded)).toList();
  }

  private static WardResolution named(Ward ward) {
    return new WardResolution(ward.code(), "name", null);
  }

  private static WardResolution unresolved(String flag) {
    return new WardResolution(DimensionMember.UNKNOWN, "none", flag);
  }

  /** Collects the new units one old unit went to; units that took land only count when no unit took its people. */
  private static final class LegacyBuilder {
    private final Predecessor first;
    private final TreeSet<String> people = new TreeSet<>();
    private final TreeSet<String> landOnly = new TreeSet<>();

    LegacyBuilder(Predecessor first) {
      this.first = first;
    }

    void add(Predecessor p, String wardCode) {
      (p.share().carriesPeople() ? people : landOnly).add(wardCode);
    }

    Legacy build() {
      List<String> codes = List.copyOf(people.isEmpty() ? landOnly : people);
      return new Legacy(first.type(), first.name(),
          new LegacyName(first.type().word + " " + first.name(), first.district(), codes));
    }
  }
}
