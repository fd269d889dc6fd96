package vn.haiphong.bdhvs.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.reference.WardResolution;

/**
 * Every way a ward field is filled in exports (docs/specification.md §3.2). Each candidate text is put through the
 * project's own {@link WardDirectory#resolve} when the pools are built, and only texts that resolve
 * as their variant promises are used: the flags counted in expected.json are then exactly what the
 * ingest will find.
 */
final class WardFields {

  enum Variant {
    CODE, TYPE_WORD, ABBREVIATED, NAME_ONLY, PLAIN_LOWER_CASE, TONE_MARK_MOVED, NFD,
    LEGACY_UNIQUE, LEGACY_WITH_OLD_DISTRICT, LEGACY_AMBIGUOUS, UNKNOWN, EMPTY;

    String quirkName() {
      return "ward_" + name().toLowerCase(Locale.ROOT);
    }
  }

  /** A ward field as written, with what it must resolve to ({@code flag} null when resolved). */
  record WardField(String text, String wardCode, QualityFlag flag, Variant variant) {
  }

  /** Made-up names that no unit ever had. */
  private static final List<String> UNKNOWN_NAMES = List.of("Phường Sao Hỏa Mới", "xã Không Tồn Tại",
      "Phường Thử Nghiệm 99", "Khu phố Ảo", "xã Đảo Giấy");

  private final Map<Variant, List<WardField>> pools = new EnumMap<>(Variant.class);
  private final WeightedChoice<Variant> mix = new WeightedChoice<Variant>()
      .add(Variant.CODE, 240).add(Variant.TYPE_WORD, 240).add(Variant.ABBREVIATED, 70)
      .add(Variant.NAME_ONLY, 150).add(Variant.PLAIN_LOWER_CASE, 80).add(Variant.TONE_MARK_MOVED, 30)
      .add(Variant.NFD, 30).add(Variant.LEGACY_UNIQUE, 60).add(Variant.LEGACY_WITH_OLD_DISTRICT, 40)
      .add(Variant.LEGACY_AMBIGUOUS, 15).add(Variant.UNKNOWN, 15).add(Variant.EMPTY, 30);
  private final QuirkPlan quirks;

  WardFields(WardDirectory directory, QuirkPlan quirks) {
    this.quirks = quirks;
    for (Variant v : Variant.values()) {
      pools.put(v, new ArrayList<>());
    }
    for (Ward w : directory.wards()) {
      String type = switch (w.unitType()) {
        case "phuong" -> "Phường";
        case "xa" -> "Xã";
        default -> "Đặc khu";
      };
      String abbreviation = switch (w.unitType()) {
        case "phuong" -> "P.";
        case "xa" -> "X.";
        default -> "ĐK.";
      };
      offer(directory, Variant.CODE, w.code(), w.code());
      offer(directory, Variant.TYPE_WORD, type + " " + w.name(), w.code());
      offer(directory, Variant.ABBREVIATED, abbreviation + " " + w.name(), w.code());
      offer(directory, Variant.NAME_ONLY, w.name(), w.code());
      offer(directory, Variant.PLAIN_LOWER_CASE, Spellings.plainLowerCase(w.name()), w.code());
      if (Spellings.hasMovableTone(w.name())) {
        offer(directory, Variant.TONE_MARK_MOVED, type + " " + Spellings.moveToneMark(w.name()), w.code());
      }
      offer(directory, Variant.NFD, Spellings.nfd(type + " " + w.name()), w.code());
    }
    for (WardDirectory.LegacyName legacy : directory.legacyNames()) {
      if (legacy.wardCodes().size() == 1) {
        String code = legacy.wardCodes().get(0);
        offer(directory, Variant.LEGACY_UNIQUE, legacy.name(), code);
        if (legacy.oldDistrict() != null) {
          offer(directory, Variant.LEGACY_WITH_OLD_DISTRICT, legacy.name() + ", " + legacy.oldDistrict(), code);
          offer(directory, Variant.LEGACY_WITH_OLD_DISTRICT, legacy.name() + " (" + legacy.oldDistrict() + ")", code);
        }
      } else {
        offer(directory, Variant.LEGACY_AMBIGUOUS, legacy.name(), null);
      }
    }
    for (String name : UNKNOWN_NAMES) {
      offer(directory, Variant.UNKNOWN, name, null);
    }
    offer(directory, Variant.EMPTY, "", null);
    for (Variant v : Variant.values()) {
      if (pools.get(v).isEmpty()) {
        throw new IllegalStateException("no ward text of variant " + v + " resolves as expected");
      }
    }
  }

  /** Keeps a candidate only when the resolver gives what the variant promises. */
  private void offer(WardDirectory directory, Variant variant, String text, String code) {
    WardResolution r = directory.resolve(text);
    QualityFlag expected = switch (variant) {
      case LEGACY_AMBIGUOUS -> QualityFlag.WARD_AMBIGUOUS_LEGACY;
      case UNKNOWN -> QualityFlag.WARD_UNKNOWN;
      case EMPTY -> QualityFlag.WARD_EMPTY;
      default -> null;
    };
    String expectedFlag = expected == null ? null : expected.code();
    boolean resolvesAsPromised = expected == null
        ? code.equals(r.wardCode()) && r.flag() == null
        : expectedFlag.equals(r.flag());
    if (resolvesAsPromised) {
      pools.get(variant).add(new WardField(text, expected == null ? code : DimensionMember.UNKNOWN, expected, variant));
    }
  }

  WardField draw(SplittableRandom random) {
    Variant v = mix.draw(random);
    List<WardField> pool = pools.get(v);
    quirks.quirk(v.quirkName());
    return pool.get(random.nextInt(pool.size()));
  }

  List<WardField> pool(Variant v) {
    return List.copyOf(pools.get(v));
  }
}
