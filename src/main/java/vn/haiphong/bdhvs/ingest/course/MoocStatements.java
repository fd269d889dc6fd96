package vn.haiphong.bdhvs.ingest.course;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * xAPI semantics (SPEC §2.2): a statement id exported again on a later day counts once (the first
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
}
