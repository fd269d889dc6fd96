package vn.haiphong.bdhvs.contract;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * A condition over the columns of one row of a table, as {@link RowConditionParser} read it from a
 * contract's expectation ({@code "check": "numerator <= denominator"}): compiled to a Spark column,
 * never evaluated as text, and typed against the contract's columns when the contract is loaded.
 * SQL's three-valued logic holds: a comparison with a null is null, neither true nor false.
 */
sealed interface RowCondition {

  /** What a node is: the operands a comparison or an operation accepts. */
  enum Type { NUMBER, TEXT, BOOLEAN, DATE }

  Column column();

  /** The node's type, given each column's contract type; fails naming the node that does not fit. */
  Type type(Map<String, String> columnTypes);

  /** A number, a 'text', true or false, as written. */
  record Literal(Object value, Type type) implements RowCondition {
    @Override
    public Column column() {
      return lit(value);
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      return type;
    }
  }

  record ColumnName(String name) implements RowCondition {
    @Override
    public Column column() {
      return col(name);
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      String type = columnTypes.get(name);
      if (type == null) {
        throw new IllegalArgumentException("'" + name + "' is not a column of the table");
      }
      return switch (type) {
        case "bigint", "int", "double" -> Type.NUMBER;
        case "string" -> Type.TEXT;
        case "boolean" -> Type.BOOLEAN;
        case "date", "timestamp" -> Type.DATE;
        default -> throw new IllegalArgumentException("column '" + name + "' is " + type + ", which a check cannot read");
      };
    }
  }

  /** {@code + - * /}; a division by zero is null (Spark), so the row is not judged. */
  record Arithmetic(char operator, RowCondition left, RowCondition right) implements RowCondition {
    @Override
    public Column column() {
      return ColumnArithmetic.apply(operator, left.column(), right.column());
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      expect(Type.NUMBER, left, columnTypes, "'" + operator + "'");
      expect(Type.NUMBER, right, columnTypes, "'" + operator + "'");
      return Type.NUMBER;
    }
  }

  record Negative(RowCondition inner) implements RowCondition {
    @Override
    public Column column() {
      return inner.column().unary_$minus();
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      return expect(Type.NUMBER, inner, columnTypes, "'-'");
    }
  }

  record Abs(RowCondition inner) implements RowCondition {
    @Override
    public Column column() {
      return abs(inner.column());
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      return expect(Type.NUMBER, inner, columnTypes, "abs");
    }
  }

  /** {@code == != < <= > >=} between two operands of one type. */
  record Comparison(String operator, RowCondition left, RowCondition right) implements RowCondition {
    @Override
    public Column column() {
      Column l = left.column();
      Column r = right.column();
      return switch (operator) {
        case "==" -> l.equalTo(r);
        case "!=" -> l.notEqual(r);
        case "<" -> l.lt(r);
        case "<=" -> l.leq(r);
        case ">" -> l.gt(r);
        case ">=" -> l.geq(r);
        default -> throw new IllegalStateException("operator " + operator);
      };
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      expect(left.type(columnTypes), right, columnTypes, "'" + operator + "'");
      return Type.BOOLEAN;
    }
  }

  /** {@code x is null}, {@code x is not null}: true or false, never null. */
  record IsNull(RowCondition inner, boolean negated) implements RowCondition {
    @Override
    public Column column() {
      return negated ? inner.column().isNotNull() : inner.column().isNull();
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      inner.type(columnTypes);
      return Type.BOOLEAN;
    }
  }

  /** {@code x in ('a', 'b')}, {@code x not in (0, 1)}: literals of the operand's type. */
  record In(RowCondition inner, List<RowCondition> values, boolean negated) implements RowCondition {
    @Override
    public Column column() {
      Column in = inner.column().isin(values.stream().map(v -> ((Literal) v).value()).toArray());
      return negated ? in.unary_$bang() : in;
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      Type type = inner.type(columnTypes);
      values.forEach(v -> expect(type, v, columnTypes, "in"));
      return Type.BOOLEAN;
    }
  }

  /** {@code and}, {@code or} of two conditions. */
  record Logical(String operator, RowCondition left, RowCondition right) implements RowCondition {
    @Override
    public Column column() {
      return operator.equals("and") ? left.column().and(right.column()) : left.column().or(right.column());
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      expect(Type.BOOLEAN, left, columnTypes, operator);
      return expect(Type.BOOLEAN, right, columnTypes, operator);
    }
  }

  record Not(RowCondition inner) implements RowCondition {
    @Override
    public Column column() {
      return inner.column().unary_$bang();
    }

    @Override
    public Type type(Map<String, String> columnTypes) {
      return expect(Type.BOOLEAN, inner, columnTypes, "not");
    }
  }

  private static Type expect(Type expected, RowCondition node, Map<String, String> columnTypes, String where) {
    Type found = node.type(columnTypes);
    if (found != expected) {
      throw new IllegalArgumentException(where + " needs " + expected.name().toLowerCase() + " operands, found "
          + found.name().toLowerCase());
    }
    return expected;
  }
}
