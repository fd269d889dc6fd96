package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@code reference/plans.csv}: the plans that set the targets, each with the month it starts. */
public final class Plans implements Serializable {
  static final Set<String> SCOPES = Set.of("city", "sector", "ward", "template");

  private final Map<String, Plan> byId;

  private Plans(List<Plan> plans) {
    Map<String, Plan> m = new LinkedHashMap<>();
    plans.forEach(p -> m.put(p.id(), p));
    this.byId = m;
  }

  public static Plans load() {
    return new Plans(ReferenceTable.load("plans").rows().stream().map(row -> {
      if (!SCOPES.contains(row.text("scope"))) {
        throw row.error("scope", "one of " + SCOPES);
      }
      String ward = row.text("ward_code");
      if (row.text("scope").equals("ward") != (ward != null)) {
        throw row.error("ward_code", "the ward's 5-digit code for a ward plan, and nothing for any other plan");
      }
      YearMonth start = parsed(row, "start_month", YearMonth::parse, "a month yyyy-MM");
      parsed(row, "issued_on", LocalDate::parse, "a date yyyy-MM-dd or nothing");
      return new Plan(row.text("plan_id"), row.text("name_vi"), row.text("issuing_body"), row.text("number"),
          row.text("issued_on"), row.text("scope"), ward, start);
    }).toList());
  }

  private static <T> T parsed(ReferenceTable.Row row, String column, Function<String, T> parse, String expected) {
    String v = row.text(column);
    try {
      return v == null ? null : parse.apply(v);
    } catch (DateTimeParseException e) {
      throw row.error(column, expected);
    }
  }

  public List<Plan> plans() {
    return List.copyOf(byId.values());
  }

  public Optional<Plan> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
