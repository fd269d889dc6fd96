package vn.haiphong.bdhvs.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.quality.Expression.Binary;
import vn.haiphong.bdhvs.quality.Expression.Negation;
import vn.haiphong.bdhvs.quality.Expression.Number;
import vn.haiphong.bdhvs.quality.Expression.Operand;

class ExpressionParserTest {

  private static String failure(String text) {
    return assertThrows(IllegalArgumentException.class, () -> ExpressionParser.expression(text)).getMessage();
  }

  @Test
  void expression_multiplicationBindsTighterThanAddition() {
    assertEquals(new Binary('+', new Operand("a"), new Binary('*', new Operand("b"), new Number(2))),
        ExpressionParser.expression("a + b * 2"));
  }

  @Test
  void expression_parenthesesGroupFirst() {
    assertEquals("((a + b) * 2)", ExpressionParser.expression("(a+b)*2").text());
  }

  @Test
  void expression_sameLevelOperatorsAssociateLeft() {
    assertEquals("((a - b) - c)", ExpressionParser.expression("a - b - c").text());
    assertEquals("((a / b) / 4)", ExpressionParser.expression("a / b / 4").text());
  }

  @Test
  void expression_typographicOperatorsReadAsAscii() {
    assertEquals(ExpressionParser.expression("a * (b - c) / 2"), ExpressionParser.expression("a × (b − c) ÷ 2"));
  }

  @Test
  void expression_unaryMinusAndDecimals() {
    assertEquals(new Binary('+', new Negation(new Operand("a")), new Number(2.5)),
        ExpressionParser.expression("-a + 2.5"));
  }

  @Test
  void expression_populationMeasureIsOneName() {
    Expression e = ExpressionParser.expression("population.adults * 0.5");
    assertEquals(Set.of("population.adults"), e.operands());
  }

  @Test
  void operands_listsEveryNameOnce() {
    assertEquals(Set.of("mentees", "mentors"), ExpressionParser.expression("mentors + mentees * mentors").operands());
  }

  @Test
  void expression_missingOperandNamesThePosition() {
    String message = failure("a +");
    assertTrue(message.contains("at character 4") && message.contains("found the end"), message);
  }

  @Test
  void expression_twoOperandsWithoutOperatorFail() {
    String message = failure("officials_total officials_skilled");
    assertTrue(message.contains("expected an operator or the end at character 17"), message);
  }

  @Test
  void expression_unclosedParenthesisFails() {
    assertTrue(failure("(a + b").contains("expected ')'"));
  }

  @Test
  void expression_foreignCharacterFails() {
    String message = failure("a $ b");
    assertTrue(message.contains("'$'"), message);
  }

  @Test
  void expression_badNumberFails() {
    assertTrue(failure("1.2.3").contains("expected a number at character 1"));
  }

  @Test
  void expression_emptyFails() {
    assertTrue(failure("  ").contains("found the end"));
  }

  @Test
  void set_readsNumbers() {
    assertEquals(List.of(0.0, 1.0), ExpressionParser.set("{0, 1}"));
    assertEquals(List.of(-1.0, 2.5), ExpressionParser.set("{-1,2.5}"));
  }

  @Test
  void set_unclosedOrWithNamesFails() {
    assertThrows(IllegalArgumentException.class, () -> ExpressionParser.set("{0,1"));
    assertThrows(IllegalArgumentException.class, () -> ExpressionParser.set("{a}"));
    assertThrows(IllegalArgumentException.class, () -> ExpressionParser.set("0,1"));
  }
}
