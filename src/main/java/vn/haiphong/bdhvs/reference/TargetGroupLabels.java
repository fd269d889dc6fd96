package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.haiphong.bdhvs.codes.QualityFlag;

/**
 * Maps the target-group labels found in exports to codes (docs/specification.md §3.3): a known variant from
 * {@code reference/target_group_labels.csv}, else the full label or the code itself, compared
 * with {@link VietText#fold}; anything else is {@code resident} with a data-quality flag.
 */
public final class TargetGroupLabels implements Serializable {

  private final Map<String, String> variants;
  private final Map<String, String> labels;
  private final Map<String, List<String>> variantsByCode;
  private final ResolutionCache<TargetGroupResolution> cache = new ResolutionCache<>();

  private TargetGroupLabels(Map<String, String> variants, Map<String, String> labels,
      Map<String, List<String>> variantsByCode) {
    this.variants = variants;
    this.labels = labels;
    this.variantsByCode = variantsByCode;
  }

  public static TargetGroupLabels load() {
    Map<String, String> labels = new HashMap<>();
    for (ReferenceTable.Row row : ReferenceTable.load("target_groups").rows()) {
      TargetGroup group = TargetGroup.inRow(row, "code");
      if (!VietText.fold(group.labelVi()).equals(VietText.fold(row.text("label_vi")))) {
        throw row.error("label_vi", "'" + group.labelVi() + "'");
      }
      labels.put(VietText.fold(group.labelVi()), group.code());
      labels.put(group.code(), group.code());
    }
    if (labels.size() != 2 * TargetGroup.values().length) {
      throw new IllegalStateException("reference/target_groups.csv: expected the " + TargetGroup.values().length
          + " groups of docs/specification.md §3.3");
    }
    Map<String, String> variants = new HashMap<>();
    Map<String, List<String>> byCode = new LinkedHashMap<>();
    for (ReferenceTable.Row row : ReferenceTable.load("target_group_labels").rows()) {
      String code = TargetGroup.inRow(row, "code").code();
      String previous = variants.put(VietText.fold(row.text("label")), code);
      if (previous != null) {
        throw row.error("label", "a label not already listed (folded, it repeats an earlier one)");
      }
      byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(row.text("label"));
    }
    byCode.replaceAll((code, list) -> List.copyOf(list));
    return new TargetGroupLabels(variants, labels, byCode);
  }

  public TargetGroupResolution resolve(String label) {
    return cache.get(label, this::resolveUncached);
  }

  private TargetGroupResolution resolveUncached(String label) {
    String key = VietText.fold(label);
    String code = variants.getOrDefault(key, labels.get(key));
    return code != null
        ? new TargetGroupResolution(code, null)
        : new TargetGroupResolution(TargetGroup.RESIDENT.code(), QualityFlag.TARGET_GROUP_UNKNOWN.code());
  }

  /** The export spellings listed for a code, as written in the reference file. */
  public List<String> variants(String code) {
    return variantsByCode.getOrDefault(TargetGroup.byCode(code).code(), List.of());
  }
}
