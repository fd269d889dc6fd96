package vn.haiphong.bdhvs.doctor;

/** One thing {@code bdhvs doctor} looked at, and what it found, in plain words. */
public record Finding(Level level, String subject, String message) {

  /** {@code fix}: something the user must change before bdhvs can work; {@code warn}: works, but worth a look. */
  public enum Level { ok, warn, fix }

  static Finding ok(String subject, String message) {
    return new Finding(Level.ok, subject, message);
  }

  static Finding warn(String subject, String message) {
    return new Finding(Level.warn, subject, message);
  }

  static Finding fix(String subject, String message) {
    return new Finding(Level.fix, subject, message);
  }
}
