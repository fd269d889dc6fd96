package vn.haiphong.bdhvs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.errors.UserError;

class SparkSessionsTest {
  @TempDir Path tmp;

  @Test
  void applicationJar_isTheJarTheClassesCameFrom() throws Exception {
    Path jar = Files.write(tmp.resolve("bdhvs-cluster.jar"), new byte[] {'P', 'K'});
    assertEquals(jar.toString(), SparkSessions.applicationJar(jar.toUri().toURL()));
  }

  @Test
  void applicationJar_ofAClassFolderIsAUserErrorNamingTheClusterJar() throws Exception {
    Path classes = Files.createDirectories(tmp.resolve("target/classes"));
    UserError e = assertThrows(UserError.class, () -> SparkSessions.applicationJar(classes.toUri().toURL()));
    assertTrue(e.getMessage().contains(classes.toString()) && e.getMessage().contains("mvn -Pcluster"), e.getMessage());
  }
}
