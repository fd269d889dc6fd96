package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.cli.Cli.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.cli.Cli.Result;

class DoctorCommandTest {
  @TempDir Path tmp;

  private Path keyFile() throws IOException {
    Path key = Files.writeString(tmp.resolve("key.txt"), "0123456789abcdef".repeat(4));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    return key;
  }

  @Test
  void readyMachine_exits0() throws IOException {
    new TestLanding(tmp.resolve("landing"))
        .file("contest/2025-11-01/registrations.csv", "Mã thí sinh\n")
        .file("course/city-lms/2025-11-01/enrolments.csv", "Mã học viên\n")
        .file("telecom/2025-11/speedtest.csv", "ward_code\n")
        .file("unit-reports/2025-11-03/u1.json", "{}");
    Result r = execute("doctor", "--landing", tmp.resolve("landing").toString(),
        "--warehouse", tmp.resolve("wh").toString(), "--key-file", keyFile().toString());
    assertEquals(Main.OK, r.code(), r.out());
    assertTrue(r.out().contains("ok    pseudonym key: usable, from key file"), r.out());
    assertTrue(r.out().contains("bdhvs doctor: ready"), r.out());
  }

  @Test
  void missingLanding_exits2NamingTheFolderAndTheLayout() throws IOException {
    Path missing = tmp.resolve("no-landing");
    Result r = execute("doctor", "--landing", missing.toString(), "--warehouse", tmp.resolve("wh").toString(),
        "--key-file", keyFile().toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.out());
    assertTrue(r.out().contains("fix   landing: the landing folder " + missing + " does not exist"), r.out());
    assertTrue(r.out().contains("1 thing(s) to fix"), r.out());
  }
}
