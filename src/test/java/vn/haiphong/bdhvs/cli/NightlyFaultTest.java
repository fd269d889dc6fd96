package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.job.JobGraph;
import vn.haiphong.bdhvs.runtime.PipelineRun;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/**
 * The faults a nightly schedule meets over the years, each ending in a clear message and a
 * consistent warehouse: a run killed ({@code kill -9}) in each stage, then run again; a second run
 * while one holds the warehouse; the lock a killed run leaves; a file re-delivered with new bytes; a
 * truncated file (still arriving); a warehouse that cannot be written. (A file that changes while
 * it is read: ExportReaderTest.) Night 1 (30 Nov) is the
 * state a fault must leave untouched; night 2 (8 Dec, first made by a backfill of 7 and 8 Dec, which
 * the single runs below must match) touches every source but telecom.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyFaultTest extends SharedSpark {
  private static final LocalDate NIGHT_1 = LocalDate.of(2025, 11, 30);
  private static final LocalDate NIGHT_2 = LocalDate.of(2025, 12, 8);
  private static final String KEY = "bdhvs-test-key-not-for-production-0123456789abcdef";
  private static final String LMS_HEADER = "Mã học viên,Họ và tên,Số CCCD,Số điện thoại,Ngày sinh,Giới tính,Xã/Phường/Đặc khu,"
      + "Đối tượng,Mã lớp,Tên lớp,Ngày ghi danh,Tiến độ (%),Ngày hoàn thành,Trạng thái\n";
  private static final String REGISTRATION_HEADER = "Mã thí sinh;Họ và tên;Ngày sinh;Giới tính;Số điện thoại;Số CCCD;"
      + "Xã/Phường/Đặc khu;Đối tượng;Đơn vị công tác/học tập;Thời gian đăng ký\n";

  private Path tmp;
  private Path landing;
  private Path keyFile;
  private Path afterNight1;
  private Path afterNight2;
  private Map<String, List<String>> night1;
  private Map<String, List<String>> night2;

  @BeforeAll
  void twoCleanNights(@TempDir Path tmp) throws Exception {
    runBefore();
    this.tmp = tmp;
    landing = tmp.resolve("landing");
    new TestLanding(landing)
        .file("contest/2025-11-01/registrations.csv", REGISTRATION_HEADER
            + "TS1;Nguyễn Văn A;01/02/1990;Nam;0912 345 678;;Phường Thủy Nguyên;Cán bộ;UBND;01/11/2025 08:00\n"
            + "TS2;Trần Thị B;;Nữ;;;Nowhere;Người dân;;31/02/2025 10:00\n")
        .file("contest/2025-11-01/visits.csv", "Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,100,10\n")
        .file("contest/2025-11-01/notes.txt", "not a delivery")
        .file("telecom/2025-11/operator-viettel.csv",
            "Mã xã,Tên xã,Tháng,Nhà mạng,Số trạm BTS 4G,Số trạm BTS 5G,Tỷ lệ phủ sóng dân số 4G (%),Tỷ lệ phủ sóng dân số 5G (%),Cáp quang (km),Thuê bao băng rộng cố định\n"
                + "11560,Thủy Nguyên,11/2025,Viettel,10,2,\"99,5\",40,\"12,5\",1.000\n")
        .file("course/city-lms/2025-11-01/enrolments.csv", LMS_HEADER + "L1,X,,,,Nam,11560,Người dân,HP-KNS-01,K,01/10/2025,50%,,Đang học\n")
        .file("course/national-mooc/2025-11-30/statements.jsonl", statement("S1", "registered", "2025-11-29T08:00:00Z") + "\n")
        .file("contest/2025-12-03/registrations.csv", REGISTRATION_HEADER
            + "TS3;Lê Văn C;03/04/1985;Nam;0987 654 321;;11560;Người dân;;03/12/2025 09:00\n")
        .file("contest/2025-12-03/visits.csv", "Ngày,Lượt truy cập,Người dùng duy nhất\n03/12/2025,300,30\n")
        .file("unit-reports/2025-12-02/a.json", "{\"schema_version\":1,\"report_id\":\"r1\",\"unit_code\":\"UB-11560\",\"period\":\"2025-11\","
            + "\"period_type\":\"month\",\"submitted_at\":\"2025-12-02T09:00:00+07:00\",\"metrics\":[{\"code\":\"officials_total\","
            + "\"target_group\":\"public_sector\",\"value\":10}]}")
        .file("unit-reports/2025-12-08/broken.json", "{\"unit_code\": ")
        .file("course/city-lms/2025-12-08/enrolments.csv", LMS_HEADER + "L1,X,,,,Nam,11560,Người dân,HP-KNS-01,K,01/10/2025,100,05/12/2025,Hoàn thành\n")
        .file("course/national-mooc/2025-12-01/statements.jsonl", statement("S2", "passed", "2025-11-30T18:30:00Z") + "\n");
    keyFile = Files.writeString(tmp.resolve("key.txt"), KEY);
    afterNight1 = tmp.resolve("after-night-1");
    run(afterNight1, NIGHT_1, line -> { });
    night1 = state(afterNight1);
    // Night 2 as a backfill of two nights (7 and 8 Dec): the tests below end in night 2 with single runs.
    afterNight2 = copy(afterNight1, "after-night-2");
    Cli.Result backfill = Cli.execute("run", "--landing", landing.toString(), "--warehouse", afterNight2.toString(),
        "--from", NIGHT_2.minusDays(1).toString(), "--to", NIGHT_2.toString(), "--key-file", keyFile.toString(),
        "--shuffle-partitions", "2");
    assertEquals(Main.OK, backfill.code(), backfill.err());
    List<String> runDates = new ArrayList<>();
    try (Stream<Path> manifests = Files.list(afterNight2.resolve("runs"))) {
      for (Path m : manifests.sorted().toList()) {
        runDates.add(new ObjectMapper().readTree(m.toFile()).get("run_date").asText());
      }
    }
    assertEquals(List.of("2025-11-30", "2025-12-07", "2025-12-08"), runDates, "one run per night, in order");
    night2 = state(afterNight2);
    Assertions.assertNotEquals(night1, night2, "night 2 changes the warehouse");
  }

  private static String statement(String id, String verb, String timestamp) {
    return "{\"id\":\"" + id + "\",\"actor\":{\"account\":{\"homePage\":\"https://mooc.example.vn\",\"name\":\"u1\"}},"
        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/" + verb + "\"},\"object\":{\"id\":\"https://mooc.example.vn/course/MOOC-CDS-01\"},"
        + "\"timestamp\":\"" + timestamp + "\",\"context\":{\"extensions\":{\"https://x.vn/ext/ward\":\"11560\"}}}";
  }

  /**
   * kill -9 in each stage: every job and the publication. A kill leaves on disk exactly what the run
   * had written when it died, so one run (one JVM and one Spark start, not one per stage) is frozen
   * ({@code kill -STOP}: it writes nothing more) in each stage in turn, the warehouse checked and
   * copied as a kill there would leave it, then continued ({@code kill -CONT}); in the last stage it
   * is killed for real.
   * Before the run publishes, the warehouse is night 1's exactly; after, night 2's tables with the
   * DuckDB file and reports of night 1 or 2. The DuckDB file always opens. On every copy and on the
   * killed warehouse the next run takes the dead run's lock over, clears what the dead run left and
   * completes: from a kill before the publication, as night 1 again, which reads nothing new, so that
   * anything of the dead run's left in place would show in its warehouse (a run of night 2 would
   * write over it); from the publication on, as night 2.
   */
  @Test
  void killedInEachStage_leavesAReadableWarehouseAndTheNextRunCompletes() throws Exception {
    Path warehouse = copy(afterNight1, "killed");
    List<String> stages = killPoints();
    Map<String, Path> leftBehind = new LinkedHashMap<>();
    Process run = startRun(warehouse, NIGHT_2);
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
      for (String stage : stages) {
        waitFor(output, stage.equals("publishing") ? "bdhvs: publishing " : "bdhvs: " + stage + ": running");
        signal(run, "STOP");
        if (stage.equals("build_cubes")) {
          Cli.Result second = Cli.execute("run", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
              "--date", NIGHT_2.toString(), "--key-file", keyFile.toString(), "--shuffle-partitions", "2");
          assertEquals(Main.BAD_INPUT, second.code(), second.err());
          Assertions.assertTrue(second.err().contains("another bdhvs run (pid " + run.pid() + " on host "), second.err());
        }
        assertDuckDbOpens(warehouse);
        Map<String, List<String>> afterKill = state(warehouse);
        switch (stage) {
          case "publishing" -> Assertions.assertTrue(Files.exists(warehouse.resolve(".publication.json"))
              || afterKill.equals(night1) || afterKill.equals(night2), "killed while publishing: night 1 or 2, or a journal to finish");
          case "build_warehouse", "write_report" -> assertEquals(night2, afterKill, "published before " + stage);
          default -> assertEquals(night1, afterKill, stage + ": nothing of a run shows before it publishes");
        }
        if (stage.equals(stages.get(stages.size() - 1))) {
          leftBehind.put(stage, warehouse);
        } else {
          leftBehind.put(stage, copy(warehouse, "killed-in-" + stage));
          signal(run, "CONT");
        }
      }
    } finally {
      run.destroyForcibly().waitFor(); // kill -9
    }

    // The next runs, one on each warehouse left behind, one after another (two at a time was slower on 2 cores).
    List<Function<SparkSession, String>> nextRuns = new ArrayList<>();
    for (Map.Entry<String, Path> killed : leftBehind.entrySet()) {
      nextRuns.add(session -> nextRunCompletes(session, killed.getKey(), killed.getValue(), run.pid()));
    }
    assertEquals(List.copyOf(leftBehind.keySet()), nextRuns.stream().map(next -> next.apply(spark())).toList());
  }

  /** Every job of the night in run order, and the publication before the first job that reads what was published. */
  private static List<String> killPoints() {
    List<String> points = new ArrayList<>();
    for (JobGraph.Node job : JobGraph.load().inRunOrder()) {
      if (job.afterPublish() && !points.contains("publishing")) {
        points.add("publishing");
      }
      points.add(job.name());
    }
    assertEquals(List.of("ingest_course", "ingest_contest", "ingest_telecom", "ingest_unit_reports", "link_persons",
        "build_cubes", "check_unit_reports", "publishing", "build_warehouse", "write_report"), points, "the kill points this test knows");
    return points;
  }

  /** The run after one killed in {@code stage}: it takes the dead run's lock over and ends as a clean night. */
  private String nextRunCompletes(SparkSession session, String stage, Path left, long killedPid) {
    try {
      boolean beforePublishing = killPoints().indexOf(stage) < killPoints().indexOf("publishing");
      List<String> progress = new ArrayList<>();
      new PipelineRun(session, landing.toString(), left.toString(), beforePublishing ? NIGHT_1 : NIGHT_2, TestLanding.KEYS,
          progress::add).execute();
      Assertions.assertTrue(progress.stream().anyMatch(l -> l.contains("took over the lock") && l.contains("pid " + killedPid)),
          stage + ": the lock of the killed run is taken over");
      assertEquals(beforePublishing ? night1 : night2, state(left), stage + ": the next run ends as a clean night");
      assertDuckDbOpens(left);
      for (String leftover : List.of(".pending", ".trash", ".publication.json")) {
        Assertions.assertFalse(Files.exists(left.resolve(leftover)) && !isEmptyFolder(left.resolve(leftover)), stage + ": " + leftover);
      }
      return stage;
    } catch (Exception e) {
      throw new IllegalStateException(stage + ": " + e.getMessage(), e);
    }
  }

  /**
   * New bytes at a path already read replace everything the old ones gave. Night 2 is read again
   * with a registrations file re-delivered (one more row) and two files still being copied — a gzip
   * cut in half and a CSV cut inside its last record — which are rejected with their reason; the
   * next run, once the copies are complete, reads them whole and their rejects are gone.
   */
  @Test
  void newBytesAtAKnownPath_replaceWhatTheOldOnesGave() throws Exception {
    Path warehouse = copy(afterNight2, "redelivered");
    Path later = copy(landing, "landing-later");
    Files.writeString(later.resolve("contest/2025-12-03/registrations.csv"), REGISTRATION_HEADER
        + "TS3;Lê Văn C;03/04/1985;Nam;0987 654 321;;11560;Người dân;;03/12/2025 09:00\n"
        + "TS4;Phạm Thị D;05/06/1992;Nữ;0977 111 222;;11560;Học sinh;;03/12/2025 10:00\n");
    byte[] gzip = gzip(statement("S3", "registered", "2025-12-04T08:00:00Z") + "\n" + statement("S4", "passed", "2025-12-04T09:00:00Z") + "\n");
    String csv = REGISTRATION_HEADER + "TS5;Võ Văn E;07/08/1979;Nam;0911 000 111;;11560;Người dân;;05/12/2025 08:00\n"
        + "TS6;Đỗ Thị F;09/10/1995;Nữ;0911 000 222;;11560;Người dân;;05/12/2025 09:00\n";
    String gz = "course/national-mooc/2025-12-05/statements.jsonl.gz";
    String cut = "contest/2025-12-05/registrations.csv";
    Files.createDirectories(later.resolve(gz).getParent());
    Files.createDirectories(later.resolve(cut).getParent());
    Files.write(later.resolve(gz), Arrays.copyOf(gzip, gzip.length / 2));
    Files.writeString(later.resolve(cut), csv.substring(0, csv.length() - 20));

    PipelineRun.Outcome partial = new TestLanding(later).run(spark(), warehouse, NIGHT_2);
    assertEquals(List.of("contest/2025-12-03/registrations.csv", cut, gz), filesRead(partial).stream().sorted().toList(),
        "only the new bytes are read");
    assertEquals("changed", manifestFile(partial, "contest/2025-12-03/registrations.csv").get("read_because").asText());
    assertEquals(4, spark().read().parquet(warehouse.resolve("staged/contest_registrations").toString()).count(),
        "night 1's valid row, both rows of the re-delivered file in place of its one, the first row of the cut file");
    assertEquals("file_corrupt", manifestFile(partial, gz).get("file_rejected").asText());
    Row gzipReject = spark().read().parquet(warehouse.resolve("rejects/course").toString()).filter("file = '" + gz + "'").first();
    Assertions.assertTrue(gzipReject.<String>getAs("detail").contains("expected a complete gzip file"), gzipReject.<String>getAs("detail"));
    assertEquals(1, manifestFile(partial, cut).get("rows_rejected").asLong(), "the cut record");

    Files.write(later.resolve(gz), gzip);
    Files.writeString(later.resolve(cut), csv);
    PipelineRun.Outcome complete = new TestLanding(later).run(spark(), warehouse, NIGHT_2);
    assertEquals(List.of(cut, gz), filesRead(complete).stream().sorted().toList());
    assertEquals(0, spark().read().parquet(warehouse.resolve("rejects/*").toString()).filter("file LIKE '%/2025-12-05/%'").count(),
        "the rejects of the partial copies are gone");
    assertEquals(2, spark().read().parquet(warehouse.resolve("staged/mooc_statements").toString()).filter("source_file = '" + gz + "'").count());
    assertEquals(2, spark().read().parquet(warehouse.resolve("staged/contest_registrations").toString()).filter("source_file = '" + cut + "'").count());
    assertEquals(manifestFile(complete, gz).get("sha256").asText(), ledgerEntry(warehouse, gz).get("sha256").asText());
  }

  /**
   * A file rewritten with other bytes of the same size, its modification time put back (a copy made
   * with {@code cp -p}): a night takes the SHA-256 the warehouse holds for the file and reads nothing,
   * as documented; a night with {@code --verify} hashes every file, finds the new bytes and reads them.
   */
  @Test
  void sameSizeRewriteThatKeptItsTime_isFoundByVerify() throws Exception {
    Path warehouse = copy(afterNight2, "rewritten");
    Path later = copy(landing, "landing-rewritten");
    String visits = "contest/2025-12-03/visits.csv";
    Path file = later.resolve(visits);
    FileTime time = Files.getLastModifiedTime(file);
    String before = Files.readString(file);
    String after = before.replace("300,30", "301,31");
    assertEquals(before.length(), after.length(), "the same size");
    Files.writeString(file, after);
    Files.setLastModifiedTime(file, time);

    PipelineRun.Outcome trusting = new TestLanding(later).run(spark(), warehouse, NIGHT_2);
    assertEquals(List.of(), filesRead(trusting), "size and time unchanged: the held SHA-256 stands");
    JsonNode scan = manifest(trusting).get("landing_scan");
    assertEquals(0, scan.get("hashed").asLong(), "no file read to hash it");
    Assertions.assertFalse(scan.get("verify").asBoolean());

    Cli.Result verified = Cli.execute("run", "--landing", later.toString(), "--warehouse", warehouse.toString(),
        "--date", NIGHT_2.toString(), "--key-file", keyFile.toString(), "--shuffle-partitions", "2", "--verify");
    assertEquals(Main.OK, verified.code(), verified.err());
    JsonNode manifest = new ObjectMapper().readTree(Path.of(verified.out().replaceAll("(?s).*manifest (\\S+)\\s*$", "$1")).toFile());
    assertEquals(scan.get("files").asLong(), manifest.get("landing_scan").get("hashed").asLong(), "every file hashed");
    JsonNode read = manifest.get("sources").get("contest").get("files");
    assertEquals(1, read.size(), read.toString());
    assertEquals(visits, read.get(0).get("path").asText());
    assertEquals("changed", read.get(0).get("read_because").asText());
    assertEquals(301L, spark().read().parquet(warehouse.resolve("staged/contest_visits").toString())
        .filter("date = DATE'2025-12-03'").first().<Long>getAs("visits"));
  }

  @Test
  void warehouseThatIsAFile_exitsTwoNamingIt() throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("warehouse-file"), "a file");
    Cli.Result r = Cli.execute("run", "--landing", landing.toString(), "--warehouse", notAFolder.toString(),
        "--date", NIGHT_2.toString(), "--key-file", keyFile.toString(), "--shuffle-partitions", "2");
    assertEquals(Main.BAD_INPUT, r.code());
    Assertions.assertTrue(r.err().contains("bdhvs: cannot write the warehouse " + notAFolder
        + " (a file is where a folder should be"), r.err());
    assertEquals("a file", Files.readString(notAFolder));
  }

  /**
   * A warehouse whose staged tables cannot be replaced (a full or read-only disk; as root, whom
   * permissions do not stop, an immutable folder): the run fails saying nothing was published, and
   * the warehouse is night 1's. (That the next run completes: the killed runs above.) One job, as an
   * Airflow task runs it, reaches the publication as a whole night does, without building the cubes.
   */
  @Test
  void warehouseThatCannotBeWritten_failsPublishingNothing() throws Exception {
    Path warehouse = copy(afterNight1, "unwritable");
    Path staged = warehouse.resolve("staged");
    boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    Assumptions.assumeTrue(root ? exec("chattr", "+i", staged.toString()) : staged.toFile().setWritable(false),
        "cannot make a folder unwritable here (as root this needs chattr on ext2/3/4)");
    Cli.Result r;
    try {
      r = Cli.execute("run", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
          "--date", NIGHT_2.toString(), "--key-file", keyFile.toString(), "--shuffle-partitions", "2", "--job", "ingest_contest");
    } finally {
      if (root) {
        exec("chattr", "-i", staged.toString());
      } else {
        staged.toFile().setWritable(true);
      }
    }
    assertEquals(Main.FAILED, r.code(), r.err());
    Assertions.assertTrue(r.err().contains("nothing of it was published, the warehouse is as before the run"), r.err());
    assertEquals(night1, state(warehouse));
    assertDuckDbOpens(warehouse);
    Assertions.assertFalse(Files.exists(warehouse.resolve(".publication.json")), "nothing left to finish");
  }

  // --- helpers

  private void run(Path warehouse, LocalDate date, java.util.function.Consumer<String> progress) {
    new PipelineRun(spark(), landing.toString(), warehouse.toString(), date, TestLanding.KEYS, progress).execute();
  }

  /**
   * Staged tables and cubes (rows without run ids, sorted) and the ledger's deliveries: what a fault must not mix.
   * Read with DuckDB (milliseconds a table; Spark takes about a second each, and this runs some twenty
   * times), from the Parquet files Spark would read: none under a folder named {@code _…} or {@code .…}.
   */
  private static Map<String, List<String>> state(Path warehouse) throws Exception {
    Map<String, List<String>> state = new TreeMap<>();
    try (Connection duck = new DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = duck.createStatement()) {
      for (String layer : List.of("staged", "cubes")) {
        for (String table : children(warehouse.resolve(layer))) {
          state.put(layer + "/" + table, rowsWithoutRunId(s, warehouse.resolve(layer).resolve(table)));
        }
      }
    }
    List<String> deliveries = new ArrayList<>();
    new ObjectMapper().readTree(warehouse.resolve("ledger/ledger.json").toFile()).get("deliveries")
        .forEach(d -> deliveries.add(d.get("path").asText() + " " + d.get("sha256").asText()));
    state.put("ledger", deliveries);
    return state;
  }

  private static List<String> rowsWithoutRunId(Statement duck, Path table) throws Exception {
    List<String> files;
    try (Stream<Path> all = Files.walk(table)) {
      files = all.filter(p -> p.toString().endsWith(".parquet") && Files.isRegularFile(p))
          .filter(p -> StreamSupport.stream(table.relativize(p).spliterator(), false)
              .map(Path::toString).noneMatch(n -> n.startsWith("_") || n.startsWith(".")))
          .map(p -> "'" + p.toString().replace("'", "''") + "'").sorted().toList();
    }
    if (files.isEmpty()) {
      return List.of();
    }
    List<String> rows = new ArrayList<>();
    try (ResultSet r = duck.executeQuery("SELECT * FROM read_parquet([" + String.join(", ", files)
        + "], hive_partitioning = true, union_by_name = true)")) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          if (!r.getMetaData().getColumnName(i).equals("run_id")) {
            row.append(r.getMetaData().getColumnName(i)).append('=').append(r.getObject(i)).append(';');
          }
        }
        rows.add(row.toString());
      }
    }
    return rows.stream().sorted().toList();
  }

  private static void assertDuckDbOpens(Path warehouse) throws Exception {
    try (Connection c = new DuckDbWarehouse(warehouse).openReadOnly(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM indicator_cube WHERE ward_code = 'ALL'")) {
      Assertions.assertTrue(r.next() && r.getLong(1) > 0);
    }
  }

  private Process startRun(Path warehouse, LocalDate date) throws IOException {
    return RunSubprocess.of("-Xmx768m", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
        "--date", date.toString(), "--key-file", keyFile.toString()).redirectErrorStream(true).start();
  }

  /** Reads the run's output until {@code marker}; fails with its output if it ends first. */
  private static void waitFor(BufferedReader out, String marker) throws IOException {
    List<String> seen = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.add(line);
      if (line.contains(marker)) {
        return;
      }
    }
    Assertions.fail("the run ended before '" + marker + "':\n"
        + String.join("\n", seen.subList(Math.max(0, seen.size() - 40), seen.size())));
  }

  /** Sends {@code kill -<name>} to the run: STOP freezes it where it is, CONT lets it go on. */
  private static void signal(Process run, String name) throws IOException, InterruptedException {
    assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(run.pid())).start().waitFor(), "kill -" + name);
  }

  private JsonNode manifestFile(PipelineRun.Outcome outcome, String path) throws IOException {
    for (JsonNode source : new ObjectMapper().readTree(Path.of(outcome.manifestPath()).toFile()).get("sources")) {
      for (JsonNode f : source.path("files")) {
        if (f.get("path").asText().equals(path)) {
          return f;
        }
      }
    }
    throw new AssertionError(path + " is not among the files the run read");
  }

  private static JsonNode manifest(PipelineRun.Outcome outcome) throws IOException {
    return new ObjectMapper().readTree(Path.of(outcome.manifestPath()).toFile());
  }

  private static List<String> filesRead(PipelineRun.Outcome outcome) throws IOException {
    List<String> paths = new ArrayList<>();
    for (JsonNode source : new ObjectMapper().readTree(Path.of(outcome.manifestPath()).toFile()).get("sources")) {
      source.path("files").forEach(f -> paths.add(f.get("path").asText()));
    }
    return paths;
  }

  private static JsonNode ledgerEntry(Path warehouse, String path) throws IOException {
    for (JsonNode d : new ObjectMapper().readTree(warehouse.resolve("ledger/ledger.json").toFile()).get("deliveries")) {
      if (d.get("path").asText().equals(path)) {
        return d;
      }
    }
    throw new AssertionError(path + " is not in the ledger");
  }

  /** A copy of {@code from} under {@code tmp}, each file with its modification time (as {@code cp -p} makes). */
  private Path copy(Path from, String name) throws IOException {
    Path to = tmp.resolve(name);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static List<String> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> c = Files.list(dir)) {
      return c.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  private static boolean isEmptyFolder(Path dir) {
    String[] names = dir.toFile().list();
    return names != null && names.length == 0;
  }

  private static boolean exec(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
