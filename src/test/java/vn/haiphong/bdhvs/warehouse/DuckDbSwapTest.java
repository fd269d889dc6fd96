package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.haiphong.bdhvs.warehouse.WarehouseFixture.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** The nightly rebuild replaces bdhvs.duckdb under an analyst's open read-only connection. */
class DuckDbSwapTest {
  @TempDir Path root;

  @Test
  void rebuild_oldReadOnlyConnectionKeepsQueryingAndANewOneSeesTheNewBuild() throws Exception {
    DuckDbWarehouse duck = new DuckDbWarehouse(root);
    duck.rebuild("run-1");
    Object oldInode = Files.getAttribute(duck.file(), "unix:ino");
    try (Connection analyst = duck.openReadOnly()) {
      assertEquals(0L, count(analyst, "SELECT count(*) FROM runs"), "no manifest before the first run ends");

      WarehouseFixture.manifest(root, "run-1");
      duck.rebuild("run-2");
      assertNotEquals(oldInode, Files.getAttribute(duck.file(), "unix:ino"), "a new file was renamed in");

      // The analyst's connection still reads the old build, dimension tables included.
      assertEquals(0L, count(analyst, "SELECT count(*) FROM runs"));
      assertEquals(WardDirectory.load().wards().size() + 2L, count(analyst, "SELECT count(*) FROM dim_ward"));
      try (Connection next = duck.openReadOnly()) {
        assertEquals(1L, count(next, "SELECT count(*) FROM runs"));
      }
    }
  }

  @Test
  void rebuild_leftoverOfADeadRunIsRemoved() throws Exception {
    Path leftover = Files.writeString(root.resolve(".bdhvs.duckdb.run-0.tmp"), "half a file");
    new DuckDbWarehouse(root).rebuild("run-1");
    assertEquals(false, Files.exists(leftover));
  }
}
