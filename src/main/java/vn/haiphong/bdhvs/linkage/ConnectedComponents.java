package vn.haiphong.bdhvs.linkage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph held as DataFrames, by min-label propagation: every node
 * starts labelled with itself and takes the least label among its neighbours' until no label changes.
 * Each round is a join and an aggregation over the edges, so it runs on a cluster as it does here, and
 * the number of rounds is the components' diameter (a few for persons: a record is a star of its
 * identifiers). No single machine holds the graph.
 */
final class ConnectedComponents {
  static final String NODE = "node";
  static final String COMPONENT = "component";
  /** Far beyond any person's diameter: a graph still changing after this many rounds is a bug, not data. */
  static final int MAX_ROUNDS = 64;

  private ConnectedComponents() {}

  /**
   * {@code (node, component)} for every node of {@code nodes} (column {@code node}) and of {@code edges}
   * (columns {@code src}, {@code dst}); a component is named by its least node.
   */
  static Dataset<Row> of(Dataset<Row> nodes, Dataset<Row> edges) {
    Dataset<Row> both = edges.select(col("src"), col("dst"))
        .union(edges.select(col("dst").as("src"), col("src").as("dst")))
        .filter(col("src").notEqual(col("dst"))).distinct().localCheckpoint(false);
    Dataset<Row> labels = nodes.select(col(NODE))
        .union(both.select(col("src").as(NODE)))
        .distinct().withColumn(COMPONENT, col(NODE)).localCheckpoint(false);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Dataset<Row> offered = both.join(labels.withColumnRenamed(NODE, "src"), "src")
          .groupBy(col("dst").as(NODE)).agg(min(COMPONENT).as("offered"));
      Dataset<Row> next = labels.join(offered, NODE, "left")
          .select(col(NODE), least(col(COMPONENT), col("offered")).as(COMPONENT),
              col("offered").lt(col(COMPONENT)).as("moved"))
          .localCheckpoint(false);
      boolean moved = !next.filter(col("moved")).isEmpty();
      labels = next.drop("moved");
      if (!moved) {
        return labels;
      }
    }
    throw new IllegalStateException("person linkage: components still changing after " + MAX_ROUNDS + " rounds");
  }
}
