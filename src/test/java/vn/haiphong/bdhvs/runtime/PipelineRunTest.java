package vn.haiphong.bdhvs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.job.JobGraph;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/** The whole ingest on a hand-written landing with one small file per table. */
@Order(4)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineRunTest extends SharedSpark {
  private Path warehouse;
  private Path landingRoot;
  private PipelineRun.Outcome outcome;
  private JsonNode manifest;

  @BeforeAll
  void runPipeline(@TempDir Path tmp) throws Exception {
    runBefore();
    TestLanding landing = new TestLanding(tmp.resolve("landing"))
        .file("contest/2025-11-01/registrations.csv",
            "Mã thí sinh;Họ và tên;Ngày sinh;Giới tính;Số điện thoại;Số CCCD;Xã/Phường/Đặc khu;Đối tượng;Đơn vị công tác/học tập;Thời gian đăng ký\n"
                + "TS1;Nguyễn Văn A;01/02/1990;Nam;0912 345 678;;Phường Thủy Nguyên;Cán bộ;UBND;01/11/2025 08:00\n"
                + "TS2;Nguyễn Văn A;01/02/1990;Nam;+84 912.345.678;;thuy nguyen;CBCCVC;UBND;01/11/2025 09:00\n"
                + "TS3;Trần Thị B;;Nữ;;;Nowhere;Người dân;;31/02/2025 10:00\n")
        .file("contest/2025-11-01/visits.csv", "Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,100,10\n")
        .file("contest/2025-11-03/visits.csv", "Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,1.200,12\n02/11/2025,50,5\n")
        .file("contest/2025-11-01/notes.txt", "not a delivery")
        .file("telecom/2025-11/operator-viettel.csv",
            "Mã xã,Tên xã,Tháng,Nhà mạng,Số trạm BTS 4G,Số trạm BTS 5G,Tỷ lệ phủ sóng dân số 4G (%),Tỷ lệ phủ sóng dân số 5G (%),Cáp quang (km),Thuê bao băng rộng cố định\n"
                + "11560,Thủy Nguyên,11/2025,Viettel,10,2,\"99,5\",40,\"12,5\",1.000\n")
        .file("telecom/2025-11/speedtest.csv",
            "ward_code,month,network_type,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices\n11560,2025-11,fixed,313000,233410,9,10,5\n")
        .file("unit-reports/2025-12-02/a.json",
            "{\"schema_version\":1,\"report_id\":\"r1\",\"unit_code\":\"UB-11560\",\"period\":\"2025-11\",\"period_type\":\"month\","
                + "\"submitted_at\":\"2025-12-02T09:00:00+07:00\",\"metrics\":[{\"code\":\"officials_total\",\"target_group\":\"public_sector\",\"value\":10}],"
                + "\"notes\":\"<script>alert(1)</script>\"}")
        .file("unit-reports/2025-12-08/b.json",
            "{\"schema_version\":1,\"report_id\":\"r2\",\"unit_code\":\"UB-11560\",\"period\":\"2025-11\",\"period_type\":\"month\","
                + "\"submitted_at\":\"2025-12-08T09:00:00+07:00\",\"metrics\":[{\"code\":\"officials_total\",\"target_group\":\"public_sector\",\"value\":12}]}")
        .file("unit-reports/2025-12-08/broken.json", "{\"unit_code\": ")
        .file("course/city-lms/2025-11-01/enrolments.csv",
            "Mã học viên,Họ và tên,Số CCCD,Số điện thoại,Ngày sinh,Giới tính,Xã/Phường/Đặc khu,Đối tượng,Mã lớp,Tên lớp,Ngày ghi danh,Tiến độ (%),Ngày hoàn thành,Trạng thái\n"
                + "L1,X,,,,Nam,11560,Người dân,HP-KNS-01,K,01/10/2025,50%,,Đang học\n")
        .file("course/city-lms/2025-11-08/enrolments.csv",
            "Mã học viên,Họ và tên,Số CCCD,Số điện thoại,Ngày sinh,Giới tính,Xã/Phường/Đặc khu,Đối tượng,Mã lớp,Tên lớp,Ngày ghi danh,Tiến độ (%),Ngày hoàn thành,Trạng thái\n"
                + "L1,X,,,,Nam,11560,Người dân,HP-KNS-01,K,01/10/2025,100,05/11/2025,Hoàn thành\n")
        .file("course/national-mooc/2025-11-30/statements.jsonl",
            "{\"id\":\"S1\",\"actor\":{\"account\":{\"homePage\":\"https://mooc.example.vn\",\"name\":\"u1\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},"
                + "\"object\":{\"id\":\"https://mooc.example.vn/course/MOOC-CDS-01\"},\"timestamp\":\"2025-11-30T18:30:00Z\","
                + "\"context\":{\"extensions\":{\"https://x.vn/ext/ward\":\"11560\"}}}\n"
                + "not json\n")
        .file("course/national-mooc/2025-12-01/statements.jsonl",
            "{\"id\":\"s1\",\"actor\":{\"account\":{\"homePage\":\"https://mooc.example.vn\",\"name\":\"u1\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},"
                + "\"object\":{\"id\":\"https://mooc.example.vn/course/MOOC-CDS-01\"},\"timestamp\":\"2025-11-30T18:30:00Z\"}\n");
    warehouse = tmp.resolve("warehouse");
    landingRoot = landing.root();
    outcome = landing.run(spark(), warehouse, LocalDate.of(2025, 12, 10));
    manifest = new ObjectMapper().readTree(Path.of(outcome.manifestPath()).toFile());
  }

  private List<Row> staged(String table) {
    return spark().read().parquet(warehouse.resolve("staged/" + table).toString()).collectAsList();
  }

  @Test
  void manifest_rowsReadEqualAcceptedPlusRejectedForEveryFile() {
    assertEquals("succeeded", manifest.get("status").asText());
    int files = 0;
    for (JsonNode source : manifest.get("sources")) {
      for (JsonNode f : source.get("files")) {
        files++;
        assertEquals(f.get("rows_read").asLong(),
            f.get("rows_accepted").asLong() + f.get("rows_rejected").asLong(), f.get("path").asText());
      }
    }
    assertEquals(13, files);
  }

  /** Every stage's Spark jobs are counted beside its seconds (none for those DuckDB runs), within the run's total. */
  @Test
  void manifest_countsTheSparkJobsOfEveryStage() {
    long stages = 0;
    for (JsonNode stage : manifest.get("stages")) {
      String job = stage.get("job").asText();
      boolean spark = job.startsWith("ingest_") || job.equals("link_persons") || job.equals("build_cubes");
      Assertions.assertTrue(stage.get("spark_jobs").asLong() > 0 || !spark, stage.toString());
      stages += stage.get("spark_jobs").asLong();
    }
    JsonNode jobs = manifest.get("spark_jobs");
    Assertions.assertTrue(jobs.get("data_tests").asLong() > 0, jobs.toString());
    Assertions.assertTrue(stages + jobs.get("data_tests").asLong() <= jobs.get("total").asLong(), jobs.toString());
  }

  @Test
  void contest_keepsRegistrationsAndRejectsImpossibleDate() {
    List<Row> regs = staged("contest_registrations");
    assertEquals(2, regs.size());
    assertEquals(regs.get(0).<String>getAs("person_key"), regs.get(1).<String>getAs("person_key"),
        "the same phone in two formats is one person");
    assertEquals("phone", regs.get(0).getAs("person_key_basis"));
    assertEquals("11560", regs.get(0).getAs("ward_code"));
    assertEquals("public_sector", regs.get(1).getAs("target_group"));
    List<Row> rejects = spark().read().parquet(warehouse.resolve("rejects/contest").toString())
        .orderBy("file").collectAsList();
    assertEquals(2, rejects.size());
    assertTrue(rejects.stream().anyMatch(r -> r.getAs("reason_code").equals("bad_date") && r.<Long>getAs("line") == 4L));
    assertTrue(rejects.stream().anyMatch(r -> r.getAs("reason_code").equals("file_unexpected")));
  }

  @Test
  void contest_laterVisitsDeliveryReplacesTheDay() {
    List<Row> visits = spark().read().parquet(warehouse.resolve("staged/contest_visits").toString())
        .orderBy("date").collectAsList();
    assertEquals(2, visits.size());
    assertEquals(1200L, visits.get(0).<Long>getAs("visits"));
  }

  @Test
  void reports_laterSubmissionSupersedesAndHistoryIsKept() {
    List<Row> reports = spark().read().parquet(warehouse.resolve("staged/unit_reports").toString())
        .orderBy("version").collectAsList();
    assertEquals(2, reports.size());
    assertEquals(false, reports.get(0).getAs("is_current"));
    assertEquals(true, reports.get(1).getAs("is_current"));
    assertEquals(true, reports.get(0).getAs("on_time"));
    assertEquals(false, reports.get(1).getAs("on_time"));
    assertEquals("<script>alert(1)</script>", reports.get(0).getAs("notes"));
    assertEquals(2, staged("unit_report_metrics").size());
  }

  @Test
  void lms_snapshotsBecomeStatesWithValidity() {
    List<Row> history = spark().read().parquet(warehouse.resolve("staged/lms_enrolment_history").toString())
        .orderBy("valid_from").collectAsList();
    assertEquals(2, history.size());
    assertEquals("in_progress", history.get(0).getAs("status"));
    assertEquals(java.sql.Date.valueOf("2025-11-08"), history.get(0).getAs("valid_to"));
    assertEquals("completed", history.get(1).getAs("status"));
    assertEquals(true, history.get(1).getAs("is_current"));
  }

  @Test
  void mooc_reexportedStatementCountsOnceOnItsLocalDay() {
    List<Row> statements = staged("mooc_statements");
    assertEquals(1, statements.size());
    assertEquals(2L, statements.get(0).<Long>getAs("export_count"));
    assertEquals(java.sql.Date.valueOf("2025-12-01"), statements.get(0).getAs("local_date"));
    assertEquals(true, statements.get(0).getAs("certifies"));
  }

  @Test
  void warehouse_duckDbFileCountsWhatSparkWrote() throws Exception {
    DuckDbWarehouse duck = new DuckDbWarehouse(warehouse);
    assertTrue(Files.isRegularFile(duck.file()));
    long sparkRejects = spark().read().parquet(warehouse.resolve("rejects").toString() + "/*").count();
    try (Connection c = duck.openReadOnly(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM staged_contest_registrations), "
            + "(SELECT count(*) FROM rejects)")) {
      r.next();
      assertEquals(staged("contest_registrations").size(), r.getLong(1));
      assertEquals(sparkRejects, r.getLong(2));
    }
    assertEquals(staged("contest_registrations").size(),
        manifest.get("written").get("bdhvs.duckdb:staged_contest_registrations").asLong());
  }

  @Test
  void partialRun_runsOnlyItsJobAndRecordsItInItsOwnManifest() throws Exception {
    PipelineRun.Outcome partial = new PipelineRun(spark(), landingRoot.toString(), warehouse.toString(),
        LocalDate.of(2025, 12, 10), TestLanding.KEYS, line -> { }).execute(List.of("ingest_contest"));
    Assertions.assertTrue(partial.runId().matches("run-\\d{8}T\\d{6}Z-ingest_contest"), partial.runId());
    assertEquals(List.of("ingest_contest"), List.copyOf(partial.results().keySet()));
    JsonNode m = new ObjectMapper().readTree(Path.of(partial.manifestPath()).toFile());
    assertEquals("succeeded", m.get("status").asText());
    assertEquals("[\"ingest_contest\"]", m.get("jobs").toString());
    List<String> sources = new ArrayList<>();
    m.get("sources").fieldNames().forEachRemaining(sources::add);
    assertEquals(List.of("contest"), sources);
    assertEquals(1, m.get("stages").size());
    assertEquals(JobGraph.load().jobs().size(), manifest.get("jobs").size(), "a whole run records every job of the graph");
  }
}
