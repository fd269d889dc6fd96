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
   * How many of the reports received the city has approved, as a sentence; empty when none was received.
   * Figures resting on a report not approved are provisional (docs/specification.md §5).
   */
  static java.util.Optional<String> approvalLine(List<Due> due) {
    long received = due.stream().filter(d -> d.state() != State.NOT_RECEIVED).count();
    long approved = due.stream().filter(Due::approved).count();
    if (received == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Đã phê duyệt " + VietNumber.format(approved) + "/" + VietNumber.format(received)
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
