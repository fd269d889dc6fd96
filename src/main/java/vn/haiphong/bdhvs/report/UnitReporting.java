package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.cube.PeriodsDue;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;

/**
 * Each reporting unit's reports due in the month (DHIS2's "expected" reports: a monthly reporter owes
 * the month, a quarterly one its quarter in the quarter's last month, see {@link PeriodsDue}) and what
 * became of each: not received, late, on time; how many versions it took, and how many validation
 * rules its current version breaks, so an official sees who to call.
 */
final class UnitReporting {
  /** A report's state, in the order an official reads them: whom to call first. */
  enum State {
    NOT_RECEIVED, LATE, ON_TIME;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    String vi() {
      return VietLabels.reportState(code());
    }

    // Coloured as the statuses: not received as off track, late as at risk.
    String cssClass() {
      return switch (this) {
        case NOT_RECEIVED -> StatusLabel.OFF_TRACK.cssClass();
        case LATE -> StatusLabel.AT_RISK.cssClass();
        case ON_TIME -> StatusLabel.ACHIEVED.cssClass();
      };
    }
  }

  /** One unit × period due in the month; {@code approved}: the city approved the report in force. */
  record Due(ReportingUnit unit, String periodType, String period, State state, String submittedAt, int versions,
      Integer rulesBroken, boolean approved) {}

  private UnitReporting() {}

  /** The periods any unit owes in {@code month}. */
  static Set<String> periodsDue(ReportingUnits units, YearMonth month) {
    Set<String> periods = new LinkedHashSet<>();
    units.units().forEach(u -> u.expectedPeriodTypes().forEach(t -> PeriodsDue.due(t, month).ifPresent(periods::add)));
    return periods;
  }

  /**
   * Every unit × period due in {@code month}, not received first, then late, then by unit code;
   * {@code rulesBroken} is null for a report not received, or when the checks have not run.
   */
  static List<Due> of(ReportingUnits units, YearMonth month, List<ReportSource.Submission> submissions,
      Map<String, Integer> violations, boolean checked) {
    Map<String, ReportSource.Submission> byKey = submissions.stream()
        .collect(Collectors.toMap(s -> s.unitCode() + "|" + s.period(), Function.identity(), (a, b) -> a));
    List<Due> due = new ArrayList<>();
    for (ReportingUnit unit : units.units()) {
      for (String type : unit.expectedPeriodTypes()) {
        PeriodsDue.due(type, month).ifPresent(period -> {
          String key = unit.code().toUpperCase() + "|" + period;
          ReportSource.Submission s = byKey.get(key);
          if (s == null) {
            due.add(new Due(unit, type, period, State.NOT_RECEIVED, null, 0, null, false));
          } else {
            due.add(new Due(unit, type, period, s.onTime() ? State.ON_TIME : State.LATE, s.submittedAt(), s.versions(),
                checked ? violations.getOrDefault(key, 0) : null, s.approved()));
          }
        });
      }
    }
    due.sort(java.util.Comparator.comparing((Due d) -> d.state().ordinal()).thenComparing(d -> d.unit().code())
        .thenComparing(Due::period));
    return due;
  }

  /**
   * The reports due from a scope's units as a table (cards on a phone), whom to call first on top;
   * a report sent more than once was corrected, often after it was returned.
   */
  static String html(List<Due> due) {
    if (due.isEmpty()) {
      return "<p>Không có báo cáo phải nộp trong tháng.</p>\n";
    }
    StringBuilder rows = new StringBuilder();
    for (Due d : due) {
      rows.append("<tr><td class=\"name\">").append(HtmlText.escape(d.unit().name()))
          .append("</td><td data-label=\"Kỳ báo cáo\">").append(HtmlText.escape(periodVi(d.periodType(), d.period())))
          .append("</td><td data-label=\"Tình trạng\"><span class=\"status ").append(d.state().cssClass()).append("\">")
          .append(d.state().vi()).append("</span></td><td data-label=\"Nộp lần đầu lúc\">")
          .append(d.submittedAt() == null ? "—" : HtmlText.escape(d.submittedAt()))
          .append("</td><td class=\"num\" data-label=\"Số lần nộp\">").append(d.versions())
          .append("</td><td class=\"num\" data-label=\"Số quy tắc kiểm tra bị vi phạm\">")
          .append(d.rulesBroken() == null ? "—" : d.rulesBroken()).append("</td></tr>\n");
    }
    return "<p class=\"summary\">" + summary(due).stream().map(l -> HtmlText.escape(l) + ".").collect(Collectors.joining(" "))
        + "</p>\n"
        + "<table class=\"reporting cards\"><thead><tr><th>Đơn vị</th><th>Kỳ báo cáo</th><th>Tình trạng</th>"
        + "<th>Nộp lần đầu lúc</th><th>Số lần nộp</th><th>Số quy tắc kiểm tra bị vi phạm</th></tr></thead><tbody>\n"
        + rows + "</tbody></table>\n";
  }

  /** How many of the reports due came, and how many were late, then {@link #approvalLine}: sentences without their full stop. */
  static List<String> summary(List<Due> due) {
    if (due.isEmpty()) {
      return List.of();
    }
    long missing = due.stream().filter(d -> d.state() == State.NOT_RECEIVED).count();
    long late = due.stream().filter(d -> d.state() == State.LATE).count();
    List<String> lines = new ArrayList<>(List.of((due.size() - missing) + "/" + due.size() + " báo cáo phải nộp đã nhận; "
        + missing + " chưa nộp, " + late + " nộp muộn"));
    approvalLine(due).ifPresent(lines::add);
    return lines;
  }

  /**
   * How many of the reports received the city has approved, as a sentence; empty when none was received.
   * Figures resting on a report not approved are provisional (docs/specification.md §5).
   */
  static java.util.Optional<String> approvalLine(List<Due> due) {
    long received = due.stream().filter(d -> d.state() != State.NOT_RECEIVED).count();
    long approved = due.stream().filter(Due::approved).count();
    if (received == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Đã phê duyệt " + ReportNumbers.format(approved) + "/" + ReportNumbers.format(received)
        + " báo cáo đã nhận" + (approved < received ? "; số liệu dựa trên báo cáo chưa phê duyệt là số liệu tạm tính" : ""));
  }

  /** How a period type is said. */
  static String periodVi(String periodType, String period) {
    return switch (periodType) {
      case "month" -> "Tháng " + Integer.parseInt(period.substring(5)) + "/" + period.substring(0, 4);
      case "quarter" -> "Quý " + period.substring(6) + "/" + period.substring(0, 4);
      case "half" -> "6 tháng " + (period.endsWith("H1") ? "đầu" : "cuối") + " năm " + period.substring(0, 4);
      case "year" -> "Năm " + period;
      default -> period;
    };
  }
}
