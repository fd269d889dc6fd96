package vn.haiphong.bdhvs.contract;

import java.io.Serializable;
import java.util.List;

/**
 * One column of a {@link TableContract}. Input columns carry the Vietnamese {@code header} found in
 * exports and a parsing {@code type} (text, date, ward, ...); output columns carry a Spark SQL type.
 * {@code pii} marks personal data that must never reach an output. {@code derived} marks an output
 * column computed by a job's set logic (dedupe, history, supersession) rather than by its row parser.
 * {@code accepted}, {@code range}, {@code references} and {@code pattern} state the column's domain:
 * data tests of severity error on every table written ({@link Expectation}).
 */
public record ColumnContract(
    String name,
    String header,
    String type,
    boolean required,
    boolean pii,
    Boolean nullable,
    boolean derived,
    String description,
    List<String> accepted,
    Expectation.Range range,
    String references,
    String pattern) implements Serializable {

  /** Output columns are nullable unless the contract says otherwise. */
  @Override
  public Boolean nullable() {
    return nullable == null || nullable;
  }
}
