package vn.haiphong.bdhvs.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.TargetGroupResolution;

/**
 * Target-group labels as exports write them: the official label, the reference list's variants,
 * other case, NFD, and a few labels nobody defined. Each is checked with the project's own
 * {@link TargetGroupLabels#resolve}, so target_group_unknown counts are exact.
 */
final class TargetGroupFields {

  enum Variant { OFFICIAL_LABEL, LISTED_VARIANT, UPPER_CASE, NFD, UNKNOWN_LABEL, EMPTY }

  /** A label as written and the code it resolves to; {@code flag} is set for unknown labels. */
  record LabelField(String text, String code, QualityFlag flag, Variant variant) {
  }

  private static final List<String> UNKNOWN_LABELS =
      List.of("Bộ đội xuất ngũ", "Tình nguyện viên quốc tế", "Đối tượng đặc biệt XYZ");

  private final List<List<LabelField>> pools = new ArrayList<>();
  private final WeightedChoice<Variant> mix = new WeightedChoice<Variant>()
      .add(Variant.OFFICIAL_LABEL, 30).add(Variant.LISTED_VARIANT, 50).add(Variant.UPPER_CASE, 6)
      .add(Variant.NFD, 6).add(Variant.UNKNOWN_LABEL, 3).add(Variant.EMPTY, 5);
  private final QuirkPlan quirks;

  TargetGroupFields(TargetGroupLabels labels, QuirkPlan quirks) {
    this.quirks = quirks;
    for (Variant v : Variant.values()) {
      pools.add(new ArrayList<>());
    }
    for (TargetGroup group : TargetGroup.values()) {
      offer(labels, Variant.OFFICIAL_LABEL, group.labelVi());
      offer(labels, Variant.UPPER_CASE, group.labelVi().toUpperCase(Locale.ROOT));
      offer(labels, Variant.NFD, Spellings.nfd(group.labelVi()));
      for (String variant : labels.variants(group.code())) {
        offer(labels, Variant.LISTED_VARIANT, variant);
      }
    }
    for (String unknown : UNKNOWN_LABELS) {
      offer(labels, Variant.UNKNOWN_LABEL, unknown);
    }
    offer(labels, Variant.EMPTY, "");
  }

  private void offer(TargetGroupLabels labels, Variant variant, String text) {
    TargetGroupResolution r = labels.resolve(text);
    boolean unknownExpected = variant == Variant.UNKNOWN_LABEL || variant == Variant.EMPTY;
    if (unknownExpected != (r.flag() != null)) {
      // An empty label may legitimately resolve either way; keep only what the resolver confirms.
      if (variant != Variant.EMPTY) {
        return;
      }
    }
    QualityFlag flag = r.flag() == null ? null : QualityFlag.TARGET_GROUP_UNKNOWN;
    pools.get(variant.ordinal()).add(new LabelField(text, r.code(), flag, variant));
  }

  LabelField draw(SplittableRandom random) {
    Variant v = mix.draw(random);
    List<LabelField> pool = pools.get(v.ordinal());
    quirks.quirk("target_group_" + v.name().toLowerCase(Locale.ROOT));
    return pool.get(random.nextInt(pool.size()));
  }

  /**
   * A label for a learner of a class meant for {@code groupCode}: the label of that group in
   * whatever spelling the variant mix draws, except for labels nobody defined (unknown, empty),
   * which stay as frequent as in {@link #draw}.
   */
  LabelField drawFor(String groupCode, SplittableRandom random) {
    Variant v = mix.draw(random);
    quirks.quirk("target_group_" + v.name().toLowerCase(Locale.ROOT));
    List<LabelField> pool = pools.get(v.ordinal());
    List<LabelField> own = pool.stream().filter(f -> f.code().equals(groupCode)).toList();
    List<LabelField> from = own.isEmpty() || v == Variant.UNKNOWN_LABEL || v == Variant.EMPTY ? pool : own;
    return from.get(random.nextInt(from.size()));
  }

  List<LabelField> pool(Variant v) {
    return List.copyOf(pools.get(v.ordinal()));
  }
}
