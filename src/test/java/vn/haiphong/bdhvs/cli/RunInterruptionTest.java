package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.TestLanding;

/**
 * Ctrl-C (SIGINT) or a scheduler's SIGTERM during {@code bdhvs run}, in a real process: one line
 * saying where the run stopped and what it left, no stack trace, the shell's exit code for the
 * signal, a manifest that says {@code interrupted}, and a next run that completes.
 */
@Order(5)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunInterruptionTest extends SharedSpark {
  private static final String DATE = "2025-11-30";

  private Path landing;
  private Path keyFile;

  @BeforeAll
  void landing(@TempDir Path tmp) throws IOException {
    runBefore();
    landing = tmp.resolve("landing");
    new TestLanding(landing)
        .file("course/city-lms/2025-11-01/enrolments.csv", "Mã học viên,Họ và tên,Số CCCD,Số điện thoại,Ngày sinh,Giới tính,"
            + "Xã/Phường/Đặc khu,Đối tượng,Mã lớp,Tên lớp,Ngày ghi danh,Tiến độ (%),Ngày hoàn thành,Trạng thái\n"
            + "L1,X,,,,Nam,11560,Người dân,HP-KNS-01,K,01/10/2025,50%,,Đang học\n")
        .file("course/national-mooc/2025-11-30/statements.jsonl", "{\"id\":\"S1\",\"actor\":{\"account\":{\"homePage\":"
            + "\"https://mooc.example.vn\",\"name\":\"u1\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/registered\"},"
            + "\"object\":{\"id\":\"https://mooc.example.vn/course/MOOC-CDS-01\"},\"timestamp\":\"2025-11-29T08:00:00Z\"}\n")
        .file("contest/2025-11-01/visits.csv", "Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,100,10\n")
        .file("telecom/2025-11/operator-viettel.csv",
            "Mã xã,Tên xã,Tháng,Nhà mạng,Số trạm BTS 4G,Số trạm BTS 5G,Tỷ lệ phủ sóng dân số 4G (%),Tỷ lệ phủ sóng dân số 5G (%),Cáp quang (km),Thuê bao băng rộng cố định\n"
                + "11560,Thủy Nguyên,11/2025,Viettel,10,2,\"99,5\",40,\"12,5\",1.000\n");
    keyFile = Files.writeString(tmp.resolve("key.txt"), "bdhvs-test-key-not-for-production-0123456789abcdef");
  }

  @Test
  void sigint_duringAnIngest_saysSoInOneLineExits130AndTheNextRunCompletes(@TempDir Path warehouse) throws Exception {
    Process run = startRun(warehouse);
    waitFor(run, "bdhvs: ingest_course: running");
    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
    String err = stoppedWith(run, 130);
    assertOneLine(err, "bdhvs: interrupted during ingest_course; nothing published; the next run starts clean");
    JsonNode manifest = onlyManifest(warehouse);
    assertEquals("interrupted", manifest.get("status").asText());
    Assertions.assertTrue(manifest.get("error").asText().matches(
        "interrupted during ingest_course; nothing published; the next run starts clean \\(SIGINT\\)"), manifest.toString());
    Assertions.assertFalse(Files.exists(warehouse.resolve("staged")), "nothing published");

    Cli.Result next = Cli.execute("run", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
        "--date", DATE, "--key-file", keyFile.toString(), "--shuffle-partitions", "2");
    assertEquals(Main.OK, next.code(), next.err());
    Assertions.assertTrue(Files.exists(warehouse.resolve("bdhvs.duckdb")));
  }

  @Test
  void sigterm_asTheRunStarts_exits143WithTheManifestInterrupted(@TempDir Path warehouse) throws Exception {
    Process run = startRun(warehouse);
    waitFor(run, "bdhvs: scanning landing");
    // SIGTERM, as Airflow stops a task (Process.destroy() would send it too, but closes the streams to read).
    new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).start().waitFor();
    String err = stoppedWith(run, 143);
    assertOneLine(err, "bdhvs: interrupted during (the landing scan|ingest_course); nothing published; the next run starts clean");
    assertEquals("interrupted", onlyManifest(warehouse).get("status").asText());
  }

  private Process startRun(Path warehouse) throws IOException {
    ProcessBuilder builder = RunSubprocess.of("-Xmx512m", "--landing", landing.toString(), "--warehouse",
        warehouse.toString(), "--date", DATE, "--key-file", keyFile.toString());
    builder.environment().remove("BDHVS_DEBUG");
    return builder.start();
  }

  private static void waitFor(Process run, String marker) throws IOException {
    List<String> seen = new ArrayList<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.add(line);
      if (line.contains(marker)) {
        // Keep draining stdout so that the run never blocks on a full pipe.
        CompletableFuture.runAsync(() -> {
          try {
            out.transferTo(java.io.Writer.nullWriter());
          } catch (IOException e) {
            // The process ended.
          }
        });
        return;
      }
    }
    Assertions.fail("the run ended before '" + marker + "':\n" + String.join("\n", seen));
  }

  /** What the run printed on stderr after the signal, once it has ended with {@code code}. */
  private static String stoppedWith(Process run, int code) throws Exception {
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Assertions.assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the run stops");
    assertEquals(code, run.exitValue(), err.get());
    return err.get();
  }

  /** Spark's warnings from before the signal may precede it; after it, only the one line, and no Java anywhere. */
  private static void assertOneLine(String err, String expected) {
    List<String> lines = err.strip().lines().toList();
    Assertions.assertTrue(lines.get(lines.size() - 1).matches(expected), err);
    Assertions.assertEquals(1, lines.stream().filter(l -> l.startsWith("bdhvs:")).count(), err);
    Assertions.assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("java.")
        || err.contains("vn.haiphong") || err.contains("SparkContext was shut down"), err);
  }

  private static JsonNode onlyManifest(Path warehouse) throws IOException {
    try (Stream<Path> manifests = Files.list(warehouse.resolve("runs"))) {
      List<Path> all = manifests.toList();
      assertEquals(1, all.size(), all.toString());
      return new ObjectMapper().readTree(all.get(0).toFile());
    }
  }
}
