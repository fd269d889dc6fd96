package vn.haiphong.bdhvs.contract;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.codes.QualityFlag;

/**
 * One column of a {@link TableContract}. Input columns carry the Vietnamese {@code header} found in
 * exports and a parsing {@code type} (text, date, ward, ...); output columns carry a Spark SQL type.
 * {@code pii} marks personal data that must never reach an output. {@code derived} marks an output
 * column computed by a job's set logic (dedupe, history, supersession) rather than by its row parser.
 * {@code accepted}, {@code range}, {@code references} and {@code pattern} state the column's domain:
 * data tests of severity error on every table written ({@link Expectation}). {@code flags} lists the
 * {@link QualityFlag} codes a {@code quality_flags} column may hold; its description then ends with
 * each flag and its meaning, taken from the enum, so the prose cannot drift from the code.
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
    String pattern,
    List<String> flags) implements Serializable {

  public ColumnContract {
    flags = flags == null ? null : List.copyOf(flags);
    if (flags != null) {
      flags.forEach(QualityFlag::of);
    }
  }

  /** The contract's description, followed for a {@code quality_flags} column by each flag's meaning. */
  @Override
  public String description() {
    if (flags == null || description == null) {
      return description;
    }
    return description + (flags.isEmpty() ? " (none written today)" : ": " + flags.stream()
        .map(f -> f + " — " + QualityFlag.of(f).meaning()).collect(Collectors.joining("; ")));
  }

  /** Output columns are nullable unless the contract says otherwise. */
  @Override
  public Boolean nullable() {
    return nullable == null || nullable;
  }
}
