package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.haiphong.bdhvs.cli.Cli.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.bdhvs.cli.Cli.Result;
import vn.haiphong.bdhvs.identity.PseudonymKey;

class MainTest {
  @TempDir Path tmp;

  private Path keyFile() throws IOException {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return Files.writeString(tmp.resolve("key.txt"), HexFormat.of().formatHex(key));
  }

  private static void assertOneParagraphWithoutStackTrace(String err) {
    assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
    assertEquals(1, err.strip().lines().count(), err);
  }

  @Test
  void noCommand_exits2() {
    Result r = execute();
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("a command is required"), r.err());
  }

  @Test
  void runWithoutLanding_exits2WithPicocliMessage() {
    Result r = execute("run", "--warehouse", tmp.toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("Missing required option") && r.err().contains("--landing"), r.err());
  }

  @Test
  void runWithImpossibleDate_exits2NamingTheOption() {
    Result r = execute("run", "--landing", tmp.toString(), "--warehouse", tmp.toString(), "--date", "2025-13-01");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("--date") && r.err().contains("2025-13-01"), r.err());
  }

  @Test
  void runWithMissingLandingFolder_exits2NamingTheFolderInOneParagraph() throws IOException {
    String missing = tmp.resolve("no-such-landing").toString();
    Result r = execute("run", "--landing", missing, "--warehouse", tmp.resolve("wh").toString(),
        "--date", "2025-12-10", "--key-file", keyFile().toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains(missing), r.err());
    assertOneParagraphWithoutStackTrace(r.err());
  }

  @Test
  void runWithUnknownJob_exits2ListingTheJobsBeforeSparkStarts() throws IOException {
    Result r = execute("run", "--landing", tmp.toString(), "--warehouse", tmp.resolve("wh").toString(),
        "--date", "2025-12-10", "--key-file", keyFile().toString(), "--job", "build_cube");
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("--job build_cube") && r.err().contains("build_cubes"), r.err());
    assertOneParagraphWithoutStackTrace(r.err());
  }

  @Test
  void runWithoutAnyKey_exits2NamingTheVariable() {
    assumeTrue(System.getenv(PseudonymKey.ENV) == null, "the test needs an environment without the key");
    Result r = execute("run", "--landing", tmp.toString(), "--warehouse", tmp.resolve("wh").toString(),
        "--date", "2025-12-10");
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains(PseudonymKey.ENV), r.err());
    assertOneParagraphWithoutStackTrace(r.err());
  }

  @Test
  void runOnAClusterMasterFromTheClassFolder_exits2BeforeSparkStarts() throws IOException {
    // The tests run from target/classes, as bin/bdhvs does: nothing there to ship to executors.
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Result r = execute("run", "--landing", landing.toString(), "--warehouse", tmp.resolve("wh").toString(),
        "--date", "2025-12-10", "--key-file", keyFile().toString(), "--master", "spark://127.0.0.1:1");
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("mvn -Pcluster") && r.err().contains("spark-submit"), r.err());
    assertOneParagraphWithoutStackTrace(r.err());
    assertFalse(Files.exists(tmp.resolve("wh")), "nothing written");
  }

  @ParameterizedTest(name = "run {0}")
  @ValueSource(strings = {"--from 2025-12-10 --to 2025-12-01", "--from 2025-12-01", "--to 2025-12-10",
      "--date 2025-12-10 --from 2025-12-01 --to 2025-12-10"})
  void runWithAnIncompleteOrReversedRange_exits2SayingWhatABackfillNeeds(String range) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", "--landing", tmp.toString(), "--warehouse",
        tmp.resolve("wh").toString(), "--key-file", keyFile().toString()));
    args.addAll(List.of(range.split(" ")));
    Result r = execute(args.toArray(String[]::new));
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("--from") && r.err().contains("--to"), r.err());
    assertOneParagraphWithoutStackTrace(r.err());
  }

  @Test
  void generateOutOfMemory_exits2NamingTheHeapToSet() throws Exception {
    // A real JVM with a heap far too small for the city sample: the generator holds every person.
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "generate", "--out",
        tmp.resolve("landing").toString(), "--scale", "city");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(Main.BAD_INPUT, p.waitFor(), out);
    assertTrue(out.contains("ran out of memory") && out.contains("BDHVS_JAVA_OPTS=-Xmx14g"), out);
    assertOneParagraphWithoutStackTrace(out);
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"", "run", "generate", "demo", "airflow", "airflow trigger", "airflow status", "airflow backfill"})
  void help_onEveryCommandExits0AndShowsAnExample(String command) {
    List<String> line = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    line.add("--help");
    Result r = execute(line.toArray(String[]::new));
    assertEquals(Main.OK, r.code());
    assertTrue(r.out().contains("Example") && r.out().contains("bdhvs " + (command.isEmpty() ? "" : command)), r.out());
  }
}
