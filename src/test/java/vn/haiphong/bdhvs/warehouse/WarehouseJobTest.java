package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarehouseJobTest {

  @Test
  void localFolder_plainPathAndFileUriAreLocal() {
    assertEquals(Optional.of(Path.of("/data/wh")), WarehouseJob.localFolder("/data/wh"));
    assertEquals(Optional.of(Path.of("relative/wh")), WarehouseJob.localFolder("relative/wh"));
    assertEquals(Optional.of(Path.of("/data/wh")), WarehouseJob.localFolder("file:///data/wh"));
  }

  @Test
  void localFolder_clusterUrisGetNoDuckDbFile() {
    assertEquals(Optional.empty(), WarehouseJob.localFolder("hdfs://namenode:8020/wh"));
    assertEquals(Optional.empty(), WarehouseJob.localFolder("s3a://bucket/wh"));
  }
}
