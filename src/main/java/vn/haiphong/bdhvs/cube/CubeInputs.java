package vn.haiphong.bdhvs.cube;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The staged tables the cubes are computed from (docs/specification.md §6 {@code staged/<table>}). */
public record CubeInputs(
    Dataset<Row> contestRegistrations,
    Dataset<Row> contestVisits,
    Dataset<Row> lmsEnrolmentHistory,
    Dataset<Row> moocStatements,
    Dataset<Row> telecomOperator,
    Dataset<Row> telecomSpeedtest,
    Dataset<Row> unitReports,
    Dataset<Row> unitReportMetrics) {}
