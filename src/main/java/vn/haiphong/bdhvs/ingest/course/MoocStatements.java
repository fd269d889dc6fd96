package vn.haiphong.bdhvs.ingest.course;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import vn.haiphong.bdhvs.ingest.ReadResult;
import vn.haiphong.bdhvs.ingest.SourceRun;

/**
 * xAPI semantics (docs/specification.md §2.2): a statement id exported again on a later day counts once (the first
 * export stands), and a {@code voided} statement cancels the statement it references. Voided
 * statements stay in the table, marked, so the history is kept.
 */
public final class MoocStatements {
  private MoocStatements() {}

  public static Dataset<Row> deduplicatedAndVoided(Dataset<Row> statements) {
    Dataset<Row> unique = statements
        .withColumn("export_count", count(lit(1)).over(Window.partitionBy(col("statement_id"))))
        .withColumn("_first", row_number().over(Window.partitionBy(col("statement_id"))
            .orderBy(col("delivery_folder"), col("source_file"), col("source_line"))))
        .filter(col("_first").equalTo(1))
        .drop("_first");
    Dataset<Row> voided = unique.filter(col("verb").equalTo("voided"))
        .select(col("voided_statement_id").as("_voided_id")).distinct();
    // A voiding statement cannot itself be voided (xAPI 1.0.3 §2.3.2).
    return unique.join(broadcast(voided), col("statement_id").equalTo(col("_voided_id")), "left")
        .withColumn("is_voided", col("_voided_id").isNotNull().and(col("verb").notEqual("voided")))
        .drop("_voided_id");
  }

  /**
   * The months ({@code month}) whose figures the statements read now can move: the months of the
   * changed statements that stand (an export of a statement already exported earlier changes
   * nothing: the first export stands), of the statements they void, and — when they register a
   * person in a ward, or void such a registration — of the person's statements that carry no ward,
   * since the cubes count those in the wards the person registered in.
   */
  public static Dataset<Row> monthsMoved(ReadResult statements) {
    Dataset<Row> held = statements.accepted();
    Dataset<Row> changed = statements.acceptedChanged();
    Dataset<Row> firstExport = held.unionByName(statements.acceptedReplaced())
        .groupBy(col("statement_id"))
        .agg(min(struct(col("delivery_folder"), col("source_file"))).getField("source_file").as("_first_file"));
    Dataset<Row> standing = changed.join(firstExport, "statement_id")
        .filter(col("source_file").equalTo(col("_first_file"))).drop("_first_file");
    Dataset<Row> ids = standing.select(col("statement_id"))
        .union(standing.filter(col("verb").equalTo("voided")).select(col("voided_statement_id")))
        .filter(col("statement_id").isNotNull()).distinct();
    Dataset<Row> touched = held.join(broadcast(ids), "statement_id").unionByName(standing);
    Dataset<Row> registrants = touched.filter(col("verb").equalTo("registered").and(col("ward_code").isNotNull()))
        .select(col("person_key")).distinct();
    Dataset<Row> borrowing = held.filter(col("ward_code").isNull()).join(registrants, "person_key");
    return touched.select(col("local_month").as(SourceRun.MONTH))
        .union(borrowing.select(col("local_month").as(SourceRun.MONTH)));
  }
}
