package vn.haiphong.bdhvs.identity;

/** Birth year → age band: full birth dates never leave ingestion (docs/specification.md §4). */
public final class AgeBands {

  public static final String UNKNOWN = "unknown";

  private AgeBands() {}

  /** The band of someone born in {@code birthYear} during {@code atYear}; {@code unknown} for a missing or impossible year. */
  public static String band(Integer birthYear, int atYear) {
    if (birthYear == null) {
      return UNKNOWN;
    }
    int age = atYear - birthYear;
    if (age < 0 || age > 120) {
      return UNKNOWN;
    }
    if (age < 16) {
      return "<16";
    }
    if (age <= 24) {
      return "16-24";
    }
    if (age <= 34) {
      return "25-34";
    }
    if (age <= 44) {
      return "35-44";
    }
    return age <= 59 ? "45-59" : "60+";
  }
}
