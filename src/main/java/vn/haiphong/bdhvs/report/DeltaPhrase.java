package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * A change written the way the city's reports write it: "tăng 61 Mbps so với tháng 9/2025",
 * "giảm 3 trạm so với tháng 10/2025". Speeds compare with September 2025, the movement's
 * baseline; everything else with the previous month.
 */
final class DeltaPhrase {
  static final YearMonth SPEED_BASELINE = YearMonth.of(2025, 9);

  // What a count counts, as the reports say it; the catalog has no such word.
  private static final Map<String, String> COUNT_NOUNS = Map.of(
      "BTS_4G", "trạm", "BTS_5G", "trạm",
      "CONTEST_REGISTRANTS", "thí sinh",
      "CONTEST_VISITS", "lượt", "CONTEST_VISITS_CUM", "lượt",
      "LMS_LEARNERS", "học viên", "LMS_COMPLETED", "học viên", "MOOC_LEARNERS", "học viên",
      "VNEID_CERTIFIED", "người");

  private DeltaPhrase() {}

  /** The month an indicator of {@code unit} is compared with in the report for {@code month}. */
  static YearMonth comparedWith(String unit, YearMonth month) {
    return unit.equals("mbps") && month.isAfter(SPEED_BASELINE) ? SPEED_BASELINE : month.minusMonths(1);
  }

  /** The phrase, or empty when either figure is missing. */
  static Optional<String> of(String indicatorCode, String unit, Double current, Double earlier, YearMonth earlierMonth) {
    if (current == null || earlier == null) {
      return Optional.empty();
    }
    String since = "so với tháng " + earlierMonth.getMonthValue() + "/" + earlierMonth.getYear();
    double change = current - earlier;
    String amount = ReportNumbers.format(Math.abs(change));
    if (amount.equals("0")) {
      return Optional.of("không đổi " + since);
    }
    String word = unitWord(indicatorCode, unit);
    return Optional.of((change > 0 ? "tăng " : "giảm ") + amount + (word.isEmpty() ? "" : " " + word) + " " + since);
  }

  /** What a count indicator counts ("trạm", "học viên"), when the reports have a word for it. */
  static Optional<String> countNoun(String indicatorCode) {
    return Optional.ofNullable(COUNT_NOUNS.get(indicatorCode));
  }

  private static String unitWord(String indicatorCode, String unit) {
    return switch (unit) {
      case "mbps" -> "Mbps";
      case "percent" -> "điểm phần trăm";
      case "count" -> countNoun(indicatorCode).orElse("");
      default -> "";
    };
  }
}
