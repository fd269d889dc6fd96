package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.haiphong.bdhvs.cli.Cli.Result;

/**
 * Every user-facing error this suite can reach through {@code Main} without Spark — bad options of
 * every command, missing or wrong files, a bad warehouse, a closed port — ends in plain words: no
 * Java class name, no exception, no stack line reaches the user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserFacingErrorsTest {
  private static Path tmp;
  private static String key;
  private static String landing;
  private static String badWarehouse;

  @BeforeAll
  static void files(@TempDir Path dir) throws IOException {
    tmp = dir;
    key = Files.writeString(dir.resolve("key.txt"), "bdhvs-test-key-not-for-production-0123456789abcdef").toString();
    landing = Files.createDirectories(dir.resolve("landing")).toString();
    Path bad = Files.createDirectories(dir.resolve("bad-warehouse"));
    Files.writeString(bad.resolve("bdhvs.duckdb"), "not a database");
    badWarehouse = bad.toString();
    Files.writeString(dir.resolve("short.key"), "abc");
  }

  static Stream<String> commandLines() {
    String wh = "--warehouse " + tmp.resolve("wh");
    String run = "run --landing " + landing + " " + wh + " --key-file " + key + " ";
    return Stream.of(
        "run --landing " + landing + " " + wh + " --date 2025/12/10",
        run + "--from 2025-12-01 --to 10.12.2025",
        run + "--date 2025-12-10 --shuffle-partitions many",
        "run --landing " + landing + " " + wh + " --date 2025-12-10 --key-file " + tmp.resolve("no-such.key"),
        "run --landing " + landing + " " + wh + " --date 2025-12-10 --key-file " + tmp,
        "run --landing " + landing + " " + wh + " --date 2025-12-10 --key-file " + tmp.resolve("short.key"),
        run + "--date 2025-12-10 --job nope",
        "run --landing " + tmp.resolve("nowhere") + " " + wh + " --key-file " + key,
        "run --landing " + landing,
        "run --bogus",
        "generate --out " + tmp.resolve("g") + " --scale huge",
        "generate --out " + tmp.resolve("g") + " --seed x",
        "demo --dir " + tmp.resolve("d") + " --scale huge",
        "query --warehouse " + badWarehouse + " SELECT 1",
        "query --warehouse " + tmp.resolve("nowhere") + " SELECT 1",
        "query --warehouse " + tmp + " --format xml SELECT 1",
        "query --warehouse " + tmp + " --file " + tmp.resolve("no-such.sql"),
        "query --warehouse " + tmp + " --file " + tmp,
        "report --warehouse " + tmp + " --month 2025/11",
        "report --warehouse " + tmp.resolve("nowhere") + " --month 2025-11",
        "report --warehouse " + badWarehouse + " --month 2025-11",
        "bench-cube --warehouse " + tmp.resolve("nowhere"),
        "bench-cube --warehouse " + tmp + " --month november",
        "bench-cube --warehouse " + tmp + " --rounds three",
        "airflow status --url http://127.0.0.1:1 --date 12/10/2025",
        "airflow status --url http://127.0.0.1:1 --date 2025-12-10 --timeout soon",
        "airflow status --url http://127.0.0.1:1 --date 2025-12-10 --api v9",
        "airflow status --url http://127.0.0.1:1 --date 2025-12-10 --attempts 0",
        "airflow backfill --url http://127.0.0.1:1 --from 2025-12-01",
        "airflow",
        "doctor --warehouse " + badWarehouse,
        "doctor --key-file " + tmp.resolve("no-such.key"),
        "dictionary --out " + tmp.resolve("bad-warehouse/bdhvs.duckdb/dictionary.md"),
        "nosuchcommand");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandLines")
  void error_isInWordsWithoutJava(String line) {
    Result r = Cli.execute(line.split(" "));
    assertTrue(r.code() != Main.OK, line + " should fail:\n" + r.out() + r.err());
    assertInWords(r.err());
    assertInWords(r.out());
  }

  @Test
  void dateOfTheWrongShape_saysWhatIsExpected() {
    Result r = Cli.execute("run", "--landing", landing, "--warehouse", tmp.resolve("wh").toString(), "--date", "2025/12/10");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("'2025/12/10': expected a date yyyy-MM-dd, e.g. 2025-12-10"), r.err());
    Result month = Cli.execute("report", "--warehouse", tmp.toString(), "--month", "11/2025");
    assertTrue(month.err().contains("'11/2025': expected a month yyyy-MM, e.g. 2025-11"), month.err());
  }

  @Test
  void keyFile_saysWhyItCannotBeRead() {
    String missing = tmp.resolve("no-such.key").toString();
    List<String> run = new ArrayList<>(List.of("run", "--landing", landing, "--warehouse", tmp.resolve("wh").toString(),
        "--date", "2025-12-10", "--key-file"));
    assertTrue(Cli.execute(with(run, missing)).err().contains("cannot read key file " + missing + ": no such file"));
    assertTrue(Cli.execute(with(run, tmp.toString())).err().contains("it is a folder, not a file"));
    assertTrue(Cli.execute(with(run, tmp.resolve("short.key").toString())).err().contains("too weak: expected at least 32"));
  }

  @Test
  void airflowAtAClosedPort_saysTheConnectionWasRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Result r = Cli.execute("airflow", "status", "--url", "http://127.0.0.1:" + port, "--date", "2025-12-10", "--attempts", "1");
    assertEquals(Main.FAILED, r.code(), r.err());
    assertTrue(r.err().contains("no answer from Airflow at http://127.0.0.1:" + port)
        && r.err().contains("connection refused") && !r.err().contains("tries"), r.err());
    assertInWords(r.err());
  }

  private static String[] with(List<String> line, String last) {
    List<String> all = new ArrayList<>(line);
    all.add(last);
    return all.toArray(String[]::new);
  }

  private static void assertInWords(String err) {
    assertFalse(err.contains("java.") || err.contains("vn.haiphong") || err.contains("Exception")
        || err.contains("\tat ") || err.contains("org.apache"), err);
  }
}
