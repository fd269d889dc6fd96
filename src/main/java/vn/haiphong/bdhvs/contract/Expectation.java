package vn.haiphong.bdhvs.contract;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * A data test of a table (dbt's tests beside the model), declared in its contract: on a column,
 * {@code "accepted"}, {@code "range"}, {@code "references"} and {@code "pattern"} are errors, and
 * every column with {@code "nullable": false} is tested not null; in the table's
 * {@code "expectations"}, any of those on a named {@code column}, or a {@code check} over the row
 * (with an optional {@code where}), each with its severity. Checked on what a run wrote, before it
 * publishes (docs/specification.md §6): a failing {@code error} stops the run, a failing
 * {@code warn} is recorded. A value that is null fails only the not-null test; a check or where
 * that is null for a row (a missing operand) does not judge the row.
 */
public record Expectation(
    String name,
    Severity severity,
    Kind kind,
    String column,
    List<String> accepted,
    Range range,
    String references,
    String pattern,
    String check,
    String where,
    String description) implements Serializable {

  public enum Severity {
    ERROR, WARN;

    @JsonCreator
    static Severity of(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Kind {
    NOT_NULL, ACCEPTED, RANGE, REFERENCES, PATTERN, CHECK;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Bounds of a numeric column, either may be absent; both are included. */
  public record Range(Double min, Double max) implements Serializable {}

  public Expectation {
    accepted = accepted == null ? null : List.copyOf(accepted);
    if (kind == null) {
      List<Kind> given = new ArrayList<>();
      if (accepted != null) {
        given.add(Kind.ACCEPTED);
      }
      if (range != null) {
        given.add(Kind.RANGE);
      }
      if (references != null) {
        given.add(Kind.REFERENCES);
      }
      if (pattern != null) {
        given.add(Kind.PATTERN);
      }
      if (check != null) {
        given.add(Kind.CHECK);
      }
      if (given.size() != 1) {
        throw new IllegalArgumentException("expectation " + name + " must say one of accepted, range, references,"
            + " pattern or check; it says " + (given.isEmpty() ? "none" : given));
      }
      kind = given.get(0);
    }
    if (severity == null) {
      throw new IllegalArgumentException("expectation " + name + " has no severity: error or warn");
    }
  }

  /** The tests a column's contract declares, all errors: not null, accepted, range, references, pattern. */
  static List<Expectation> of(ColumnContract c) {
    List<Expectation> tests = new ArrayList<>();
    String n = c.name();
    if (!c.nullable()) {
      tests.add(new Expectation(n + "_not_null", Severity.ERROR, Kind.NOT_NULL, n, null, null, null, null, null, null, null));
    }
    if (c.accepted() != null) {
      tests.add(new Expectation(n + "_accepted", Severity.ERROR, Kind.ACCEPTED, n, c.accepted(), null, null, null, null, null, null));
    }
    if (c.range() != null) {
      tests.add(new Expectation(n + "_range", Severity.ERROR, Kind.RANGE, n, null, c.range(), null, null, null, null, null));
    }
    if (c.references() != null) {
      tests.add(new Expectation(n + "_references", Severity.ERROR, Kind.REFERENCES, n, null, null, c.references(), null, null, null, null));
    }
    if (c.pattern() != null) {
      tests.add(new Expectation(n + "_pattern", Severity.ERROR, Kind.PATTERN, n, null, null, null, c.pattern(), null, null, null));
    }
    return tests;
  }

  /**
   * Fails naming what is wrong unless the test reads only columns of {@code table}, with a type it
   * fits (accepted: text, range: a number), a pattern that compiles, a check and a where that parse
   * as conditions, and a reference of the form {@code <kind>/<table>.<column>} to a contract's column.
   */
  void validate(TableContract table) {
    Map<String, String> types = table.columns().stream()
        .collect(Collectors.toMap(ColumnContract::name, ColumnContract::type));
    try {
      if (kind == Kind.CHECK) {
        RowConditionParser.condition(check, types);
        if (where != null) {
          RowConditionParser.condition(where, types);
        }
        return;
      }
      String type = types.get(column);
      if (type == null) {
        throw new IllegalArgumentException("'" + column + "' is not a column of the table");
      }
      switch (kind) {
        case ACCEPTED -> {
          if (!type.equals("string") || accepted.isEmpty()) {
            throw new IllegalArgumentException("accepted values need a string column and at least one value");
          }
        }
        case RANGE -> {
          if (!List.of("bigint", "int", "double").contains(type) || (range.min() == null && range.max() == null)) {
            throw new IllegalArgumentException("a range needs a number column and a min or a max");
          }
        }
        case PATTERN -> Pattern.compile(pattern);
        case REFERENCES -> {
          ReferencedColumn target = referenced();
          if (TableContract.load(target.kind(), target.table()).column(target.column()).isEmpty()) {
            throw new IllegalArgumentException(references + " is not a column of its table");
          }
        }
        default -> { }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException("table " + table.table() + ", expectation " + name + ": " + e.getMessage(), e);
    }
  }

  /** A column of another table's contract that a {@code references} test names. */
  public record ReferencedColumn(String kind, String table, String column) {}

  /** The column a {@code references} test names, read from {@code <kind>/<table>.<column>}. */
  public ReferencedColumn referenced() {
    java.util.regex.Matcher m = Pattern.compile("(\\w+)/(\\w+)\\.(\\w+)").matcher(references == null ? "" : references);
    if (!m.matches()) {
      throw new IllegalArgumentException("references '" + references + "': expected <kind>/<table>.<column>,"
          + " e.g. reference/indicators.code");
    }
    return new ReferencedColumn(m.group(1), m.group(2), m.group(3));
  }

  /**
   * True for a row that fails the test. {@code referenceValues} gives the values of a referenced
   * column; {@code table} types the check.
   */
  public Column failing(TableContract table, Function<ReferencedColumn, Collection<String>> referenceValues) {
    if (kind == Kind.CHECK) {
      Map<String, String> types = table.columns().stream()
          .collect(Collectors.toMap(ColumnContract::name, ColumnContract::type));
      Column judged = where == null ? lit(true) : coalesce(RowConditionParser.condition(where, types).column(), lit(false));
      return judged.and(coalesce(RowConditionParser.condition(check, types).column().unary_$bang(), lit(false)));
    }
    Column c = col(column);
    if (kind == Kind.NOT_NULL) {
      return c.isNull();
    }
    Column outside = switch (kind) {
      case ACCEPTED -> c.isin(accepted.toArray()).unary_$bang();
      case RANGE -> (range.min() == null ? lit(false) : c.lt(range.min()))
          .or(range.max() == null ? lit(false) : c.gt(range.max()));
      case REFERENCES -> c.isin(referenceValues.apply(referenced()).toArray()).unary_$bang();
      case PATTERN -> c.rlike("^(?:" + pattern + ")$").unary_$bang();
      default -> throw new IllegalStateException(kind.toString());
    };
    return c.isNotNull().and(outside);
  }

  /** What the test asks, in a line for the data dictionary and messages. */
  public String text() {
    return switch (kind) {
      case NOT_NULL -> column + " is not null";
      case ACCEPTED -> column + " in {" + String.join(", ", accepted) + "}";
      case RANGE -> range.min() != null && range.max() != null
          ? number(range.min()) + " ≤ " + column + " ≤ " + number(range.max())
          : range.min() != null ? column + " ≥ " + number(range.min()) : column + " ≤ " + number(range.max());
      case REFERENCES -> column + " in " + references;
      case PATTERN -> column + " matches " + pattern;
      case CHECK -> (where == null ? "" : "where " + where + ": ") + check;
    };
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
