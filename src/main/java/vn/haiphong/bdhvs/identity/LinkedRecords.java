package vn.haiphong.bdhvs.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which person a staged record belongs to across sources (docs/specification.md §4.1), written once as SQL
 * that Spark SQL and DuckDB both run: the cubes count persons through it, and the warehouse's
 * {@code account_persons} view hands it to analysts.
 */
public final class LinkedRecords {
  /** The staged tables whose records name a person, each with the column of the record's platform account. */
  public static final Map<String, String> ACCOUNTS = accounts();
  private static final String RESOURCE = "linked_records.sql";

  private LinkedRecords() {}

  /**
   * {@code staged_<table>} with {@code linked_person_key}: the person each record belongs to, over the relations
   * {@code staged_<table>} and {@code staged_person_links}.
   */
  public static String sql(String table) {
    String account = ACCOUNTS.get(table);
    if (account == null) {
      throw new IllegalArgumentException(table + " holds no persons; those that do: " + ACCOUNTS.keySet());
    }
    return text().replace("${table}", table).replace("${account}", account);
  }

  private static Map<String, String> accounts() {
    Map<String, String> accounts = new LinkedHashMap<>();
    accounts.put("contest_registrations", "candidate_key");
    accounts.put("lms_enrolment_history", "learner_key");
    accounts.put("mooc_statements", "actor_key");
    return java.util.Collections.unmodifiableMap(accounts);
  }

  private static String text() {
    try (InputStream in = LinkedRecords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
    }
  }
}
