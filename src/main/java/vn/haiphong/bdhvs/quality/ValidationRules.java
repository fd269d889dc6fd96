package vn.haiphong.bdhvs.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.reference.PopulationDenominator;
import vn.haiphong.bdhvs.reference.PopulationDenominators;
import vn.haiphong.bdhvs.reference.ReferenceTable;
import vn.haiphong.bdhvs.reference.ReportMetric;
import vn.haiphong.bdhvs.reference.ReportMetrics;

/**
 * {@code reference/validation_rules.csv}, every rule parsed and every name in it checked before
 * anything is evaluated: a rule file that cannot be read whole stops the run (exit 2) naming the line.
 */
final class ValidationRules {
  static final String TABLE = "validation_rules";
  /** Operand names of the ward's population denominators: {@code population.adults}, {@code population.households}… */
  static final String POPULATION = "population.";
  static final List<String> IMPORTANCE = List.of("high", "medium", "low");

  private final List<ValidationRule> rules;

  private ValidationRules(List<ValidationRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The committed rules, checked against the committed metrics and population measures. */
  static ValidationRules load() {
    return read(() -> ReferenceTable.load(TABLE), operands(ReportMetrics.load(), PopulationDenominators.load()));
  }

  /** The rules of {@code table}, whose names must be among {@code operands}. */
  static ValidationRules read(Supplier<ReferenceTable> table, Set<String> operands) {
    ReferenceTable rows;
    try {
      rows = table.get();
    } catch (IllegalArgumentException e) {
      throw new UserError("validation rules: " + e.getMessage(), e);
    }
    List<ValidationRule> rules = new ArrayList<>();
    for (ReferenceTable.Row row : rows.rows()) {
      rules.add(rule(row, operands));
    }
    if (rules.isEmpty()) {
      throw new UserError(rows.file() + ": expected at least one validation rule, found none");
    }
    return new ValidationRules(rules);
  }

  /** The names a rule may use: every metric code, and {@code population.<measure>} for every measure. */
  static Set<String> operands(ReportMetrics metrics, PopulationDenominators denominators) {
    Set<String> names = new TreeSet<>();
    metrics.metrics().stream().map(ReportMetric::code).forEach(names::add);
    denominators.rows().stream().map(PopulationDenominator::measure).forEach(m -> names.add(POPULATION + m));
    return names;
  }

  List<ValidationRule> rules() {
    return rules;
  }

  /** Every operand name the rules read. */
  Set<String> operands() {
    Set<String> names = new TreeSet<>();
    rules.forEach(r -> names.addAll(r.operands()));
    return names;
  }

  private static ValidationRule rule(ReferenceTable.Row row, Set<String> operands) {
    Comparison operator = Comparison.of(row.text("operator")).orElseThrow(() -> userError(row, "operator",
        "one of ==, !=, <, <=, >, >=, in"));
    if (!IMPORTANCE.contains(row.text("importance"))) {
      throw userError(row, "importance", "one of " + String.join(", ", IMPORTANCE));
    }
    Expression left = expression(row, "left_side", operands);
    Expression right = null;
    List<Double> set = null;
    if (operator == Comparison.IN) {
      try {
        set = ExpressionParser.set(row.text("right_side"));
      } catch (IllegalArgumentException e) {
        throw new UserError(where(row, "right_side") + ": " + e.getMessage() + " (a set such as {0,1} after 'in')", e);
      }
    } else {
      right = expression(row, "right_side", operands);
    }
    return new ValidationRule(row.text("rule_id"), left, operator, right, set, row.text("importance"),
        row.text("description_vi"));
  }

  private static Expression expression(ReferenceTable.Row row, String column, Set<String> operands) {
    Expression e;
    try {
      e = ExpressionParser.expression(row.text(column));
    } catch (IllegalArgumentException ex) {
      throw new UserError(where(row, column) + ": " + ex.getMessage(), ex);
    }
    for (String name : e.operands()) {
      if (!operands.contains(name)) {
        throw new UserError(where(row, column) + ": unknown metric '" + name
            + "'; expected a code of reference/report_metrics.csv or population.<measure> of"
            + " reference/population_denominators.csv");
      }
    }
    return e;
  }

  private static UserError userError(ReferenceTable.Row row, String column, String expected) {
    return new UserError(where(row, column) + ": expected " + expected + ", found '" + row.text(column) + "'");
  }

  private static String where(ReferenceTable.Row row, String column) {
    return row.file() + " line " + row.line() + ", column " + column;
  }
}
