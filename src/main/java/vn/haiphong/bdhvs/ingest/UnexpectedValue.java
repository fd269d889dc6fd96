package vn.haiphong.bdhvs.ingest;

/**
 * A value that is not what its column expects. It keeps what was expected apart from the value
 * found, so that {@link RecordFields} can tell a reject's reader what was expected without quoting
 * a value that may be personal data.
 */
public final class UnexpectedValue extends IllegalArgumentException {
  private final String expected;
  private final String found;

  /** {@code expected} reads after "expected", e.g. {@code "a date dd/MM/yyyy"}. */
  public UnexpectedValue(String expected, String found) {
    super("expected " + expected + ", found '" + found + "'");
    this.expected = expected;
    this.found = found;
  }

  public String expected() {
    return expected;
  }

  public String found() {
    return found;
  }
}
