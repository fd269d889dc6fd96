package vn.haiphong.bdhvs.airflow;

/**
 * The two stable REST APIs of Airflow: v1 (Airflow 2, basic auth) and v2 (Airflow 3, a bearer
 * token from {@code /auth/token}). What differs between them for bdhvs is here.
 */
public enum AirflowApi {
  V1("/api/v1", "execution_date"),
  V2("/api/v2", "logical_date");

  private final String prefix;
  private final String dateFilter;

  AirflowApi(String prefix, String dateFilter) {
    this.prefix = prefix;
    this.dateFilter = dateFilter;
  }

  /** The path of an endpoint, e.g. {@code /dags/x/dagRuns} → {@code /api/v2/dags/x/dagRuns}. */
  String path(String endpoint) {
    return prefix + endpoint;
  }

  /** The query parameters that select dag runs by logical date, inclusive: v1 still calls it execution date. */
  String dateRange(String from, String to) {
    return dateFilter + "_gte=" + from + "&" + dateFilter + "_lte=" + to;
  }

  /** {@code v1} or {@code v2}, as in {@code --api}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
