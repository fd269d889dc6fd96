package vn.haiphong.bdhvs.cube;

/**
 * Where the indicator cube's SQL ({@link CubeSql}) runs: Spark for the nightly job, DuckDB for the
 * benchmark and as the tests' second engine. Each statement becomes a relation the later ones read.
 */
interface CubeEngine {
  /** Makes {@code frame}'s rows a relation named as the frame. */
  void load(ReferenceFrames.Frame frame);

  /** Makes the result of {@code sql} the relation {@code name}; {@code reused}: several later statements read it. */
  void define(String name, String sql, boolean reused);
}
