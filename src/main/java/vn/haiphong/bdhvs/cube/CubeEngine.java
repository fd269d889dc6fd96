package vn.haiphong.bdhvs.cube;

/**
 * Where the indicator cube's SQL ({@link CubeSql}) runs: Spark for the nightly job, DuckDB for the
 * benchmark and as the tests' second engine. Each statement becomes a relation the later ones read.
 */
interface CubeEngine {
  /** Makes {@code frame}'s rows a relation named as the frame. */
  void load(ReferenceFrames.Frame frame);

  /** Makes the result of {@code step}'s SQL the relation it names. */
  void define(CubeSql.Step step);
}
