package vn.haiphong.bdhvs.airflow;

/** Airflow answered 5xx or nothing, also when asked again: not the user's mistake (exit 1). */
public final class AirflowUnavailable extends RuntimeException {
  AirflowUnavailable(String message) {
    super(message);
  }

  AirflowUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
