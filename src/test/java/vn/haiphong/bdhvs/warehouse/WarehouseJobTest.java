package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarehouseJobTest {

  @Test
  void localFolder_plainPathAndFileUriAreLocal() {
    assertEquals(Optional.of(Path.of("/data/wh")), Warehouse.localFolder("/data/wh"));
    assertEquals(Optional.of(Path.of("relative/wh")), Warehouse.localFolder("relative/wh"));
    assertEquals(Optional.of(Path.of("/data/wh")), Warehouse.localFolder("file:///data/wh"));
  }

  @Test
  void localFolder_clusterUrisGetNoDuckDbFile() {
    assertEquals(Optional.empty(), Warehouse.localFolder("hdfs://namenode:8020/wh"));
    assertEquals(Optional.empty(), Warehouse.localFolder("s3a://bucket/wh"));
  }
}
