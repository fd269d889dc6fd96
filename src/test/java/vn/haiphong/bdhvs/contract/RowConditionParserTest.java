package vn.haiphong.bdhvs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.contract.RowCondition.Arithmetic;
import vn.haiphong.bdhvs.contract.RowCondition.ColumnName;
import vn.haiphong.bdhvs.contract.RowCondition.Comparison;
import vn.haiphong.bdhvs.contract.RowCondition.In;
import vn.haiphong.bdhvs.contract.RowCondition.IsNull;
import vn.haiphong.bdhvs.contract.RowCondition.Literal;
import vn.haiphong.bdhvs.contract.RowCondition.Logical;
import vn.haiphong.bdhvs.contract.RowCondition.Not;

class RowConditionParserTest {
  private static final Map<String, String> COLUMNS = Map.of("numerator", "double", "denominator", "double",
      "value", "double", "unit", "string", "status", "string", "flagged", "boolean", "window_months", "int");

  private static Literal number(double value) {
    return new Literal(value, RowCondition.Type.NUMBER);
  }

  private static Literal text(String value) {
    return new Literal(value, RowCondition.Type.TEXT);
  }

  private static RowCondition parse(String text) {
    return RowConditionParser.condition(text, COLUMNS);
  }

  private static String failure(String text) {
    return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
  }

  @Test
  void comparison_ofArithmeticWithUsualPrecedence() {
    assertEquals(new Comparison("<=", new Arithmetic('-', new ColumnName("value"),
            new Arithmetic('*', new Arithmetic('/', new ColumnName("numerator"), new ColumnName("denominator")), number(100))),
            number(0.5)),
        parse("value - numerator / denominator * 100 <= 0.5"));
  }

  @Test
  void andBindsTighterThanOr_notTighterThanAnd() {
    assertEquals(new Logical("or", new ColumnName("flagged"),
            new Logical("and", new Not(new ColumnName("flagged")), new IsNull(new ColumnName("value"), false))),
        parse("flagged or not flagged and value is null"));
  }

  @Test
  void parenthesesGroupConditions() {
    assertEquals(new Logical("and", new Comparison("==", new ColumnName("unit"), text("percent")),
            new Logical("or", new Comparison(">", new ColumnName("value"), number(100)),
                new Comparison("<", new ColumnName("value"), number(0)))),
        parse("unit == 'percent' and (value > 100 or value < 0)"));
  }

  @Test
  void inAndNotIn_takeLiteralsOfTheOperandsType() {
    assertEquals(new In(new ColumnName("status"), List.of(text("no_data"), text("no_target")), true),
        parse("status not in ('no_data', 'no_target')"));
    assertTrue(failure("status in ('a', 1)").contains("in needs text operands, found number"));
  }

  @Test
  void isNotNull_absAndBooleanEquality() {
    assertEquals(new IsNull(new ColumnName("value"), true), parse("value is not null"));
    assertEquals("Abs", parse("abs(value - 1) <= 0.001") instanceof Comparison c ? c.left().getClass().getSimpleName() : "");
    assertEquals(new Comparison("==", new ColumnName("flagged"), new Comparison(">", new ColumnName("value"),
        number(20))), parse("flagged == (value > 20)"));
  }

  @Test
  void onlyColumnsOfTheTable_areRead() {
    assertTrue(failure("target_value > 0").contains("'target_value' is not a column of the table"));
  }

  @Test
  void nothingButTheGrammar_isAccepted() {
    assertTrue(failure("value > 0; DROP TABLE x").contains("at character 10"));
    assertTrue(failure("upper(unit) == 'X'").contains("the only function is abs"));
    assertTrue(failure("unit = 'percent'").contains("expected"), "equality is ==");
    assertTrue(failure("unit == 'percent").contains("a closing quote"));
    assertTrue(failure("value >").contains("found the end"));
  }

  @Test
  void typesMustFit() {
    assertTrue(failure("unit + 1 > 0").contains("'+' needs number operands, found text"));
    assertTrue(failure("value == 'percent'").contains("needs number operands, found text"));
    assertTrue(failure("value + 1").contains("is a number, not a condition"));
    assertTrue(failure("value and flagged").contains("and needs boolean operands"));
  }
}
