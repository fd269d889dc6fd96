package vn.haiphong.bdhvs.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How every typed option of every command reads its text, registered once on the whole command
 * line: a value that does not parse is told what was expected with an example, in words (picocli's
 * own message names the Java class and its exception).
 */
final class OptionTypes {
  private OptionTypes() {}

  static void register(CommandLine cli) {
    cli.registerConverter(LocalDate.class, parsing(LocalDate::parse, "a date yyyy-MM-dd, e.g. 2025-12-10"));
    cli.registerConverter(YearMonth.class, parsing(YearMonth::parse, "a month yyyy-MM, e.g. 2025-11"));
    cli.registerConverter(Duration.class, OptionTypes::duration);
    ITypeConverter<Integer> integer = parsing(Integer::valueOf, "a whole number, e.g. 8");
    cli.registerConverter(Integer.class, integer);
    cli.registerConverter(int.class, integer);
    ITypeConverter<Long> wide = parsing(Long::valueOf, "a whole number, e.g. 42");
    cli.registerConverter(Long.class, wide);
    cli.registerConverter(long.class, wide);
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> ITypeConverter<T> parsing(Parser<T> parser, String expected) {
    return value -> {
      try {
        return parser.parse(value.strip());
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new TypeConversionException("'" + value + "': expected " + expected);
      }
    };
  }

  /** {@code 90s}, {@code 15m}, {@code 6h}, {@code 1d}, or ISO-8601 ({@code PT30S}). */
  static Duration duration(String value) {
    try {
      if (value.matches("\\d+[smhd]")) {
        long n = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new TypeConversionException("'" + value + "': expected a duration, e.g. 90s, 15m, 6h or 1d");
    }
  }
}
