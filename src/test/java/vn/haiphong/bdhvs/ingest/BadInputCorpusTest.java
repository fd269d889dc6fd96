package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.runtime.PipelineRun;

/**
 * A corpus of bad deliveries, one small file each, ingested in ONE pipeline run. Every case
 * states what must happen to its file — a whole-file reject, rejected lines, kept rows with
 * quality flags, manifest notes — and that nothing is lost: the manifest's rows read equal the
 * records in the file and accepted + rejected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest extends SharedSpark {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Personal values planted in the corpus; composed so no real-looking id sits in the source.
  private static final String CCCD = "0" + "31" + "0".repeat(3) + "123456";
  private static final String PHONE = "09" + "12" + "345" + "678";
  private static final String BIRTH = "15/08/" + (1900 + 87);
  private static final String NAME = "Nguyễn Văn Khoa";
  private static final String NAME_2 = "Trần Thị Bích";
  private static final String EMAIL = "khoa.nv" + "@thuy-nguyen.example.vn";
  private static final String WORKPLACE = "Công ty TNHH Hoa Sen Đỏ";
  private static final String BAD_PHONE = "09" + "12-345-67";
  /** Whole values and the longer name words: a detail echoing any of them leaks personal data. */
  private static final List<String> PII = List.of(CCCD, PHONE, "912 345 678", BIRTH, NAME, NAME_2,
      "Nguyễn", "Khoa", "Trần", "Bích", EMAIL, "khoa.nv", WORKPLACE, "Hoa Sen", BAD_PHONE);

  private static final String SCRIPT = "<script>alert('bdhvs')</script>";
  private static final String DROP = "'; DROP TABLE unit_reports; --";
  private static final String RTL = "\u202Egnp.exe";
  private static final String ZERO_WIDTH = "Kỹ\u200Bnăng\u200Csố\u200D\uFEFF";
  private static final String HOSTILE = SCRIPT + " " + DROP + " " + RTL + " " + ZERO_WIDTH;
  private static final String LONG_NOTES = "Ghi chú rất dài. ".repeat(600).substring(0, 10_000);

  private static final String REG_HEADER = "Mã thí sinh,Họ và tên,Ngày sinh,Giới tính,Số điện thoại,Số CCCD,"
      + "Xã/Phường/Đặc khu,Đối tượng,Đơn vị công tác/học tập,Thời gian đăng ký";
  private static final String SUB_HEADER =
      "Mã thí sinh,Tuần thi,Lần thi,Điểm,Số câu đúng,Thời gian làm bài (giây),Thời gian nộp bài";
  private static final String VISIT_HEADER = "Ngày,Lượt truy cập,Người dùng duy nhất";
  private static final String CAT_HEADER = "Mã khóa học,Tên khóa học,Nền tảng,Chủ đề,Đối tượng,Khóa xác nhận VNeID";
  private static final String LMS_HEADER = "Mã học viên,Họ và tên,Số CCCD,Số điện thoại,Ngày sinh,Giới tính,"
      + "Xã/Phường/Đặc khu,Đối tượng,Mã lớp,Tên lớp,Ngày ghi danh,Tiến độ (%),Ngày hoàn thành,Trạng thái";
  private static final String OP_HEADER = "Mã xã,Tên xã,Tháng,Nhà mạng,Số trạm BTS 4G,Số trạm BTS 5G,"
      + "Tỷ lệ phủ sóng dân số 4G (%),Tỷ lệ phủ sóng dân số 5G (%),Cáp quang (km),Thuê bao băng rộng cố định";
  private static final String SPEED_HEADER = "ward_code,month,network_type,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices";

  /** The run's bound on a file's bytes: far above every case but the one made to pass it. */
  private static final int MAX_FILE_BYTES = 1 << 20;

  private final List<Case> cases = new ArrayList<>();
  /** Landing entries that are no plain file (links, pipes), made in place of their case's file. */
  private final Map<String, SpecialEntry> specials = new TreeMap<>();

  interface SpecialEntry {
    void make(Path at) throws Exception;
  }
  private final Map<String, Integer> folders = new HashMap<>();
  private Path warehouse;
  private JsonNode manifest;
  private List<Row> rejects;
  private vn.haiphong.bdhvs.PersonalData landingPersonalData;
  private final Map<String, List<Row>> staged = new HashMap<>();

  /** A rejected line (null for the whole file), its reason code and a fragment its detail must hold. */
  record Rej(Long line, String reason, String detail) {}

  /**
   * One bad delivery: its landing path and bytes, the data records it holds, what must be
   * rejected, a manifest note, and the staged table whose rows for this file carry exactly
   * {@code flags} (null table: the staged rows are not checked).
   */
  record Case(String name, String path, byte[] content, long records, List<Rej> rejects,
      String note, String table, Set<String> flags) {

    boolean wholeFile() {
      return rejects.size() == 1 && rejects.get(0).line() == null;
    }

    Case note(String fragment) {
      return new Case(name, path, content, records, rejects, fragment, table, flags);
    }

    /** The file's kept rows are in {@code stagedTable} and carry exactly these flags between them. */
    Case kept(String stagedTable, String... expectedFlags) {
      return new Case(name, path, content, records, rejects, note, stagedTable, Set.of(expectedFlags));
    }
  }

  @BeforeAll
  void run(@TempDir Path tmp) throws Exception {
    runBefore();
    contestCases();
    catalogCases();
    enrolmentCases();
    statementCases();
    telecomCases();
    reportCases();
    layoutCases();

    TestLanding landing = new TestLanding(tmp.resolve("landing"));
    Set<String> paths = new HashSet<>();
    for (Case c : cases) {
      Assertions.assertTrue(paths.add(c.path()), "two cases share " + c.path());
      landing.file(c.path(), c.content());
    }
    landingPersonalData = vn.haiphong.bdhvs.PersonalData.collect(tmp.resolve("landing"));
    Assertions.assertTrue(landingPersonalData.size() > 0);
    for (Map.Entry<String, SpecialEntry> e : specials.entrySet()) {
      Path p = landing.root().resolve(e.getKey());
      Files.delete(p);
      e.getValue().make(p);
    }
    warehouse = tmp.resolve("warehouse");
    PipelineRun.Outcome outcome;
    // A session of its own (same SparkContext): the bound reaches no other test.
    SparkSession bounded = spark().newSession();
    bounded.conf().set(IngestLimits.MAX_FILE_BYTES, String.valueOf(MAX_FILE_BYTES));
    outcome = landing.run(bounded, warehouse, LocalDate.of(2025, 12, 31));
    manifest = JSON.readTree(Path.of(outcome.manifestPath()).toFile());
    rejects = spark().read().parquet(warehouse.resolve("rejects").toString() + "/*").collectAsList();
  }

  // ---------------------------------------------------------------- contest

  private void contestCases() {
    String reg = "registrations.csv";
    add(fileRejected("registrations_windows1258_rejectedAsNotUtf8", contest(reg),
        windows1258(lines(REG_HEADER, reg("TS-W1"), reg("TS-W2"))), 2,
        "file_not_utf8", "expected a UTF-8 file"));
    add(fileRejected("registrations_utf16_rejectedAsNotUtf8NamingUtf16", contest(reg),
        utf16(lines(REG_HEADER, reg("TS-U1"), reg("TS-U2"))), 2, "file_not_utf8", "UTF-16"));
    add(fileRejected("registrations_oneInvalidByteOnLine3_rejectedNamingTheLine", contest(reg),
        concat(utf8(lines(REG_HEADER, reg("TS-B1")) + "TS-B"), new byte[] {(byte) 0xFF},
            utf8(lines(reg("2"), reg("TS-B3")))), 3, "file_not_utf8", "line 3"));
    add(fileRejected("registrations_tabSeparated_rejectedForMissingColumns", contest(reg),
        utf8(lines(REG_HEADER.replace(',', '\t'), reg("TS-T1").replace(',', '\t'))), 1,
        "file_missing_columns", "separated by ',' or ';'"));
    add(fileRejected("registrations_headerOnly_rejectedAsEmpty", contest(reg),
        utf8(lines(REG_HEADER)), 0, "file_empty", "no data rows"));
    add(fileRejected("registrations_zeroBytes_rejectedAsEmpty", contest(reg),
        new byte[0], 0, "file_empty", "expected a header row with 'Mã thí sinh'"));
    add(fileRejected("registrations_whitespaceOnly_rejectedAsEmpty", contest(reg),
        utf8("  \n\t\n \r\n   "), 0, "file_empty", "expected a header row"));
    add(lineRejects("registrations_lastQuotedFieldNeverClosed_rejectsTheTruncatedRow", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-Q1")) + "TS-Q2,x,,Nam,,,11560,Người dân,\"UBND phường Thủy"), 2,
        new Rej(3L, "wrong_field_count", "expected a closing '\"'"))
        .kept("contest_registrations"));
    // A stray quote would otherwise run to the end of the file and swallow the rows after it.
    add(lineRejects("registrations_strayQuoteMidFile_rejectsOnlyThatLine", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-SQ1").replace("UBND", "\"UBND"), reg("TS-SQ2"), reg("TS-SQ3"))), 3,
        new Rej(2L, "wrong_field_count", "a quoted field opened on this line is never closed"))
        .kept("contest_registrations"));
    add(lineRejects("registrations_cutMidRow_rejectsTheShortRow", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-C1")) + "TS-C2," + NAME + ",01/01/1990,N"), 2,
        new Rej(3L, "wrong_field_count", "expected 10 fields as in the header, found 4"))
        .kept("contest_registrations"));
    add(fileRejected("registrations_missingRequiredColumn_rejectedNamingIt", contest(reg),
        utf8(lines(cut(REG_HEADER, 9), cut(reg("TS-M1"), 9), cut(reg("TS-M2"), 9))), 2,
        "file_missing_columns", "lacks required column(s) 'Thời gian đăng ký'"));
    add(accepted("registrations_missingOptionalColumn_keptWithNote", contest(reg),
        utf8(lines(cut(REG_HEADER, 3), cut(reg("TS-O1"), 3), cut(reg("TS-O2"), 3))), 2)
        .note("optional column(s) absent, values left empty: Giới tính").kept("contest_registrations"));
    add(accepted("registrations_extraUnknownColumn_keptWithNote", contest(reg),
        utf8(lines(REG_HEADER + ",Ghi chú", reg("TS-E1") + ",abc", reg("TS-E2") + ",")), 2)
        .note("ignored unknown column(s) Ghi chú").kept("contest_registrations"));
    add(accepted("registrations_duplicatedHeader_keptWithNote", contest(reg),
        utf8(lines(REG_HEADER + ",Đối tượng", reg("TS-D1") + ",Học sinh")), 1)
        .note("Đối tượng").kept("contest_registrations"));
    add(accepted("registrations_shuffledColumnsAndSemicolons_accepted", contest(reg),
        utf8(lines(reversed(REG_HEADER, ';'), reversed(reg("TS-S1"), ';'), reversed(reg("TS-S2"), ';'))), 2)
        .kept("contest_registrations"));
    add(lineRejects("registrations_timestampNotADate_rejectedAsBadDate", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-BD1"), regAt("TS-BD2", "hôm qua 8 giờ"))), 2,
        new Rej(3L, "bad_date", "column 'Thời gian đăng ký': expected a time dd/MM/yyyy HH:mm[:ss]"))
        .kept("contest_registrations"));
    add(lineRejects("registrations_31February_rejectedAsBadDate", contest(reg),
        utf8(lines(REG_HEADER, regAt("TS-F31", "31/02/2025 08:00"), reg("TS-F32"))), 2,
        new Rej(2L, "bad_date", "expected a time dd/MM/yyyy HH:mm[:ss], found a value shaped '99/99/9999 99:99'"))
        .kept("contest_registrations"));
    add(lineRejects("registrations_29February2025_rejectedAsBadDate", contest(reg),
        utf8(lines(REG_HEADER, regAt("TS-F29", "29/02/2025 08:00"))), 1,
        new Rej(2L, "bad_date", "expected a time dd/MM/yyyy")));
    add(lineRejects("registrations_month13_rejectedAsBadDate", contest(reg),
        utf8(lines(REG_HEADER, regAt("TS-M13", "01/13/2025 08:00"))), 1,
        new Rej(2L, "bad_date", "expected a time dd/MM/yyyy")));
    add(lineRejects("registrations_emptyCandidateId_rejectedAsMissingRequired", contest(reg),
        utf8(lines(REG_HEADER, reg("  "), reg("TS-ID2"))), 2,
        new Rej(2L, "missing_required", "column 'Mã thí sinh' is empty; expected contest candidate id"))
        .kept("contest_registrations"));
    add(accepted("registrations_unknownWard_keptWithFlag", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-WU", "Nam", "Phường Atlantis", "Người dân"))), 1)
        .kept("contest_registrations", "ward_unknown"));
    add(accepted("registrations_ambiguousLegacyWard_keptWithFlag", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-WA", "Nam", ambiguousLegacyWard(), "Người dân"))), 1)
        .kept("contest_registrations", "ward_ambiguous_legacy"));
    add(accepted("registrations_unknownTargetGroup_keptWithFlag", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-TG", "Nữ", "11560", "Người ngoài hành tinh"))), 1)
        .kept("contest_registrations", "target_group_unknown"));
    add(accepted("registrations_genderX_keptWithBadValueFlag", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-GX", "X", "11560", "Người dân"))), 1)
        .kept("contest_registrations", "bad_value:gender"));
    add(accepted("registrations_impossibleBirthDate_keptWithBadValueFlag", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-BB").replace(BIRTH, "31/02/1990"))), 1)
        .kept("contest_registrations", "bad_value:birth_date"));
    add(lineRejects("registrations_5000CharName_rejectedAsFieldTooLong", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-L1").replace(NAME, NAME + " " + "A".repeat(5000)), reg("TS-L2"))), 2,
        new Rej(2L, "field_too_long", "characters; expected at most 4096"))
        .kept("contest_registrations"));
    add(lineRejects("registrations_unquotedCommaInName_rejectedWithoutEchoingIt", contest(reg),
        utf8(lines(REG_HEADER, reg("TS-N1").replace(NAME, "Trần, Thị Bích"))), 1,
        new Rej(2L, "wrong_field_count", "expected 10 fields as in the header, found 11")));
    add(accepted("registrations_hostileText_keptAsData", contest(reg),
        utf8(lines(REG_HEADER, csv(DROP, SCRIPT, "", "Nam", "", "", "11560", "Người dân", HOSTILE,
            "05/10/2025 08:30"))), 1)
        .kept("contest_registrations"));

    String sub = "submissions.csv";
    add(accepted("submissions_scoreAbc_keptWithBadValueFlag", contest(sub),
        utf8(lines(SUB_HEADER, "TS-1,1,1,abc,8,300,05/10/2025 09:00", "TS-2,1,1,\"8,5\",8,300,05/10/2025 09:00")), 2)
        .kept("contest_submissions", "bad_value:score"));
    add(lineRejects("submissions_isoTimestamp_rejectedAsBadDate", contest(sub),
        utf8(lines(SUB_HEADER, "TS-1,1,1,9,9,300,2025-10-05T09:00:00")), 1,
        new Rej(2L, "bad_date", "column 'Thời gian nộp bài': expected a time dd/MM/yyyy HH:mm[:ss]")));
    add(lineRejects("submissions_emptyCandidateId_rejectedAsMissingRequired", contest(sub),
        utf8(lines(SUB_HEADER, ",1,1,9,9,300,05/10/2025 09:00", "TS-3,2,1,7,7,250,05/10/2025 09:05")), 2,
        new Rej(2L, "missing_required", "column 'Mã thí sinh' is empty"))
        .kept("contest_submissions"));

    String visits = "visits.csv";
    add(lineRejects("visits_30February_rejectedAsBadDate", contest(visits),
        utf8(lines(VISIT_HEADER, "30/02/2025,100,10", "03/10/2025,120,12")), 2,
        new Rej(2L, "bad_date", "column 'Ngày': expected a date dd/MM/yyyy, found '30/02/2025'"))
        .kept("contest_visits"));
    add(accepted("visits_countNotANumber_keptWithBadValueFlag", contest(visits),
        utf8(lines(VISIT_HEADER, "04/10/2025,nhiều,12")), 1)
        .kept("contest_visits", "bad_value:visits"));
    add(fileRejected("visits_bomHeaderOnlyCrlf_rejectedAsEmpty", contest(visits),
        utf8("\uFEFF" + VISIT_HEADER + "\r\n\r\n"), 0, "file_empty", "no data rows"));
    // Personal values where a required column's message can reach them (swapped or shifted columns),
    // and dates at the edges: each a rejected record, never the value in clear, never a crashed job.
    add(lineRejects("registrations_personalValuesInTheTimeColumn_rejectedShowingOnlyTheirShape",
        contestIn("2025-07", reg), utf8(lines(REG_HEADER,
            csv("TS-SW1", NAME, BIRTH, "Nam", "05/10/2025 08:30", CCCD, "11560", "Người dân", WORKPLACE, "0912 345 678"),
            regAt("TS-SW2", CCCD), regAt("TS-SW3", NAME), regAt("TS-SW4", EMAIL), regAt("TS-SW5", WORKPLACE),
            regAt("TS-SW6", BIRTH), reg("TS-SW7").replace(BIRTH, "1987-08-15"), regAt("TS-SW8", "01/01/1900 00:00"),
            reg("TS-SW9").replace(CCCD, CCCD + "X").replace(PHONE, BAD_PHONE))), 9,
        new Rej(2L, "bad_date", "column 'Thời gian đăng ký': expected a time dd/MM/yyyy HH:mm[:ss], found a value "
            + "shaped '9999 999 999' (not quoted: the record holds personal data)"),
        new Rej(3L, "bad_date", "found a value shaped '999999999999'"),
        new Rej(4L, "bad_date", "found a value shaped 'Aaaaaa Aaa Aaaa'"),
        new Rej(5L, "bad_date", "found a value shaped 'aaaa.aa@aaaa-aaaaaa.aaaaaaa.aa'"),
        new Rej(6L, "bad_date", "column 'Thời gian đăng ký'"),
        new Rej(7L, "bad_date", "found a value shaped '99/99/9999'"),
        new Rej(9L, "bad_date", "column 'Thời gian đăng ký': expected a date from 2000 to 2100"))
        .kept("contest_registrations", "bad_value:birth_date"));
    add(lineRejects("submissions_countBeyondAnIntAndYear9999_flaggedAndRejected", contest(sub),
        utf8(lines(SUB_HEADER, "TS-OV,1,1,9,9999999999,300,05/11/2025 09:00", "TS-Y9,1,1,9,9,300,31/12/9999 23:59")), 2,
        new Rej(3L, "bad_date", "column 'Thời gian nộp bài': expected a date from 2000 to 2100, found '31/12/9999 23:59'"))
        .kept("contest_submissions", "bad_value:correct_answers"));
    add(lineRejects("visits_year1900_rejectedAsBadDate", contest(visits),
        utf8(lines(VISIT_HEADER, "01/01/1900,100,10", "05/11/2025,120,12")), 2,
        new Rej(2L, "bad_date", "column 'Ngày': expected a date from 2000 to 2100, found '01/01/1900'"))
        .kept("contest_visits"));
    List<String> crRows = new ArrayList<>();
    for (int row = 1; row <= 10; row++) {
      crRows.add(row == 3 ? reg("TS-CR3").replace("UBND", "\"UBND") : reg("TS-CR" + row));
    }
    add(lineRejects("registrations_crOnlyLineEndsStrayQuoteOnRow3_everyLineRead",
        nextDay("contest/", "2025-12") + "/" + reg,
        utf8(REG_HEADER + "\r" + String.join("\r", crRows) + "\r"), 10,
        new Rej(4L, "wrong_field_count", "a quoted field opened on this line is never closed"))
        .kept("contest_registrations"));
  }

  // ---------------------------------------------------------------- course catalog

  private void catalogCases() {
    // Only the latest catalog delivery is staged (it is the catalog in force), so earlier cases
    // check the manifest and rejects only; the last one is the catalog the enrolments meet.
    add(lineRejects("catalog_emptyCourseCode_rejectedAsMissingRequired", catalog(),
        utf8(lines(CAT_HEADER, ",Khóa không mã,city-lms,Kỹ năng số,Người dân,Không",
            "HP-KNS-01,Kỹ năng số cơ bản,city-lms,Kỹ năng số,Người dân,Không")), 2,
        new Rej(2L, "missing_required", "column 'Mã khóa học' is empty")));
    add(fileRejected("catalog_missingCodeColumn_rejectedNamingIt", catalog(),
        utf8(lines(cut(CAT_HEADER, 0), cut("HP-KNS-01,Kỹ năng số,city-lms,Kỹ năng số,Người dân,Không", 0))), 1,
        "file_missing_columns", "'Mã khóa học'"));
    add(accepted("catalog_hostileTitlesAndUnknownValues_keptWithFlags", catalog(),
        utf8(lines(CAT_HEADER,
            csv("HP-KNS-01", SCRIPT, "city-lms", ZERO_WIDTH, "Người dân", "Không"),
            csv("MOOC-CDS-01", DROP, "national-mooc", RTL, "Người dân", "Có"),
            csv("HP-CDS-02", "Chuyển đổi số", "moodle", "Chuyển đổi số", "Người ngoài hành tinh", "Có lẽ"))), 3)
        .kept("course_catalog", "bad_value:platform", "target_group_unknown", "bad_value:vneid_certification"));
  }

  // ---------------------------------------------------------------- city-lms enrolments

  private void enrolmentCases() {
    add(accepted("enrolments_progress150Percent_keptWithBadValueFlag", lms(),
        utf8(lines(LMS_HEADER, lms("HV-P1", "HP-KNS-01", "01/10/2025", "150%", "Đang học"))), 1)
        .kept("lms_enrolment_history", "bad_value:progress_pct"));
    add(lineRejects("enrolments_emptyLearnerId_rejectedAsMissingRequired", lms(),
        utf8(lines(LMS_HEADER, lms("", "HP-KNS-01", "01/10/2025", "10", "Đang học"),
            lms("HV-E2", "HP-KNS-01", "01/10/2025", "10", "Đang học"))), 2,
        new Rej(2L, "missing_required", "column 'Mã học viên' is empty"))
        .kept("lms_enrolment_history"));
    add(lineRejects("enrolments_emptyClassCode_rejectedAsMissingRequired", lms(),
        utf8(lines(LMS_HEADER, lms("HV-C1", "", "01/10/2025", "10", "Đang học"))), 1,
        new Rej(2L, "missing_required", "column 'Mã lớp' is empty")));
    add(accepted("enrolments_unknownClassCode_keptWithFlag", lms(),
        utf8(lines(LMS_HEADER, lms("HV-U1", "HP-XYZ-99", "01/10/2025", "10", "Đang học"))), 1)
        .kept("lms_enrolment_history", "course_unknown"));
    add(lineRejects("enrolments_29February2025_rejectedAsBadDate", lms(),
        utf8(lines(LMS_HEADER, lms("HV-D1", "HP-KNS-01", "29/02/2025", "10", "Đang học"))), 1,
        new Rej(2L, "bad_date", "column 'Ngày ghi danh': expected a date dd/MM/yyyy, found a value shaped '99/99/9999'")));
    add(accepted("enrolments_unknownStatus_keptWithBadValueFlag", lms(),
        utf8(lines(LMS_HEADER, lms("HV-S1", "HP-KNS-01", "01/10/2025", "10", "Đã hủy"))), 1)
        .kept("lms_enrolment_history", "bad_value:status"));
    add(lineRejects("enrolments_semicolonHeaderCommaRows_rowsRejectedAsWrongFieldCount", lms(),
        utf8(lines(LMS_HEADER.replace(',', ';'), lms("HV-X1", "HP-KNS-01", "01/10/2025", "10", "Đang học"),
            lms("HV-X2", "HP-KNS-01", "01/10/2025", "10", "Đang học"))), 2,
        new Rej(2L, "wrong_field_count", "expected 14 fields as in the header, found 1"),
        new Rej(3L, "wrong_field_count", "expected 14 fields")));
    add(lineRejects("enrolments_personalValueInTheDateColumnAndDatesAtTheEdges_judgedPerRecord", lms(),
        utf8(lines(LMS_HEADER,
            lms("HV-PV1", "HP-KNS-01", CCCD, "10", "Đang học"),
            lms("HV-PV2", "HP-KNS-01", "01/01/1900", "10", "Đang học"),
            lms("HV-PV3", "HP-KNS-01", "01/10/2025", "10", "Đang học").replace(BIRTH, "01/01/1899"),
            csv("HV-PV4", NAME_2, CCCD, PHONE, BIRTH, "Nữ", "11560", "Người dân", "HP-KNS-01", "Lớp kỹ năng số",
                "01/10/2025", "100", "31/12/9999", "Hoàn thành"))), 4,
        new Rej(2L, "bad_date", "column 'Ngày ghi danh': expected a date dd/MM/yyyy, found a value shaped '999999999999'"),
        new Rej(3L, "bad_date", "column 'Ngày ghi danh': expected a date from 2000 to 2100"))
        .kept("lms_enrolment_history", "bad_value:birth_date", "bad_value:completed_on"));
  }

  // ---------------------------------------------------------------- national-mooc xAPI

  private void statementCases() {
    add(lineRejects("statements_invalidJsonLine_rejectsThatLineOnly", mooc(".jsonl"),
        utf8(lines(statement("st-j1", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"), "{\"id\": ",
            statement("st-j3", "completed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"))), 3,
        new Rej(2L, "invalid_json", "expected one JSON object per line"))
        .kept("mooc_statements"));
    add(lineRejects("statements_unquotedNameInJson_rejectedWithoutEchoingIt", mooc(".jsonl"),
        utf8(lines("{\"id\":\"st-n1\",\"actor\":{\"account\":{\"homePage\":\"https://vneid.gov.vn\",\"name\":"
            + NAME + "}}}")), 1,
        new Rej(1L, "invalid_json", "expected one JSON object per line")));
    add(lineRejects("statements_jsonArray_rejectedAsInvalidJson", mooc(".jsonl"),
        utf8(lines("[" + statement("st-a1", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z") + "]")), 1,
        new Rej(1L, "invalid_json", "expected one JSON object on the line")));
    add(lineRejects("statements_missingActor_rejectedAsMissingRequired", mooc(".jsonl"),
        utf8(lines(without(statement("st-ma", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"), "actor"))), 1,
        new Rej(1L, "missing_required", "column 'actor.account.homePage' is empty")));
    add(lineRejects("statements_missingVerb_rejectedAsMissingRequired", mooc(".jsonl"),
        utf8(lines(without(statement("st-mv", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"), "verb"))), 1,
        new Rej(1L, "missing_required", "column 'verb.id' is empty")));
    add(lineRejects("statements_verbLiked_rejectedAsUnknownVerb", mooc(".jsonl"),
        utf8(lines(statement("st-lk", "liked", "MOOC-CDS-01", "2025-11-05T10:00:00Z"))), 1,
        new Rej(1L, "unknown_verb", "verb.id is not an ADL verb bdhvs reads (found a value shaped")));
    add(lineRejects("statements_timestampWithoutOffset_rejectedAsBadDate", mooc(".jsonl"),
        utf8(lines(statement("st-to", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00"))), 1,
        new Rej(1L, "bad_date", "column 'timestamp': expected an ISO-8601 time with offset")));
    add(lineRejects("statements_timestampGarbage_rejectedAsBadDate", mooc(".jsonl"),
        utf8(lines(statement("st-tg", "passed", "MOOC-CDS-01", "hôm qua"))), 1,
        new Rej(1L, "bad_date", "expected an ISO-8601 time with offset")));
    byte[] gz = gzip(lines(statement("st-gz1", "registered", "MOOC-CDS-01", "2025-11-05T10:00:00Z"),
        statement("st-gz2", "passed", "MOOC-CDS-01", "2025-11-06T10:00:00+07:00")));
    add(accepted("statements_validGzip_accepted", mooc(".jsonl.gz"), gz, 2).kept("mooc_statements"));
    // A truncated gzip cannot tell how many statements it held: the file is on record as corrupt, 0 rows.
    add(fileRejected("statements_truncatedGzip_rejectedAsCorrupt", mooc(".jsonl.gz"),
        Arrays.copyOf(gz, gz.length / 2), 0, "file_corrupt", "expected a complete gzip file"));
    add(lineRejects("statements_lineOver64KiB_rejectedAsFieldTooLong", mooc(".jsonl"),
        utf8(lines(statement("st-big", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z")
                .replace("\"context\"", "\"padding\":\"" + "x".repeat(70_000) + "\",\"context\""),
            statement("st-ok", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"))), 2,
        new Rej(1L, "field_too_long", "expected one statement of at most 65536"))
        .kept("mooc_statements"));
    add(accepted("statements_unknownCourse_keptWithFlag", mooc(".jsonl"),
        utf8(lines(statement("st-uc", "passed", "COURSE-NOPE-9", "2025-11-05T10:00:00Z"))), 1)
        .kept("mooc_statements", "course_unknown"));
    add(fileRejected("statements_zeroBytes_rejectedAsEmpty", mooc(".jsonl"), new byte[0], 0,
        "file_empty", "expected one xAPI statement per line"));
    String withActor = statement("st-pd", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z")
        .replace("\"actor\":{", "\"actor\":{\"name\":\"" + NAME + "\",\"mbox\":\"mailto:" + EMAIL + "\",");
    add(lineRejects("statements_cutBeforeTheLastBraceWithNameAndEmail_rejectedWithoutSourceText", mooc(".jsonl"),
        utf8(lines(withActor.substring(0, withActor.length() - 1),
            statement("st-pd2", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"))), 2,
        new Rej(1L, "invalid_json", "Unexpected end-of-input: expected close marker for Object; expected one JSON object"))
        .kept("mooc_statements"));
    add(lineRejects("statements_badValueNextToNameAndEmail_rejectedWithoutEchoingThem", mooc(".jsonl"),
        utf8(lines(withActor.replace("\"timestamp\":\"2025-11-05T10:00:00Z\"", "\"timestamp\":" + BIRTH))), 1,
        new Rej(1L, "invalid_json", "expected one JSON object per line")));
    add(lineRejects("statements_year9999_rejectedAsBadDate", mooc(".jsonl"),
        utf8(lines(statement("st-y9", "passed", "MOOC-CDS-01", "9999-12-31T23:59:59Z"),
            statement("st-y1", "passed", "MOOC-CDS-01", "0001-01-01T00:00:00Z"))), 2,
        new Rej(1L, "bad_date", "column 'timestamp': expected a date from 2000 to 2100"),
        new Rej(2L, "bad_date", "column 'timestamp': expected a date from 2000 to 2100")));
    add(accepted("statements_infiniteScaledScore_keptWithBadValueFlag", mooc(".jsonl"),
        utf8(lines(statement("st-inf", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z")
            .replace("\"timestamp\"", "\"result\":{\"score\":{\"scaled\":1e309}},\"timestamp\""))), 1)
        .kept("mooc_statements", "bad_value:score_scaled"));
    add(accepted("statements_voidingReferenceInUpperCase_voidsTheStatement", voidingPath(),
        utf8(lines(statement(VOIDED_ID, "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"),
            statement("st-void", "voided", "X", "2025-11-06T10:00:00Z")
                .replace("https://mooc.example.vn/course/X", VOIDED_ID.toUpperCase(java.util.Locale.ROOT)))), 2)
        .kept("mooc_statements"));
    // Two statements, then line breaks expanding far past the run's bound (MAX_FILE_BYTES below).
    add(fileRejected("statements_gzipExpandingPastTheBound_rejectedAsTooLarge", mooc(".jsonl.gz"),
        gzip(lines(statement("st-zb1", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z"),
            statement("st-zb2", "passed", "MOOC-CDS-01", "2025-11-05T10:00:00Z")) + "\n".repeat(2 * MAX_FILE_BYTES)),
        2, "file_too_large", "the file expands to more than " + MAX_FILE_BYTES + " bytes"));
  }

  // ---------------------------------------------------------------- telecom

  private void telecomCases() {
    add(lineRejects("operator_monthYearFirst_rejectedAsBadDate", "telecom/2025-01/operator-alpha.csv",
        utf8(lines(OP_HEADER, op("11560", "2025/11", "Alpha"), op("11560", "01/2025", "Alpha"))), 2,
        new Rej(2L, "bad_date", "column 'Tháng': expected a month MM/yyyy, found '2025/11'"))
        .kept("telecom_operator"));
    add(accepted("operator_coverageOver100_keptWithBadValueFlag", "telecom/2025-02/operator-beta.csv",
        utf8(lines(OP_HEADER, op("11560", "02/2025", "Beta").replace("\"99,5\"", "120"))), 1)
        .kept("telecom_operator", "bad_value:coverage_4g_pct"));
    add(accepted("operator_unknownWardCodeAndName_keptWithFlag", "telecom/2025-03/operator-gamma.csv",
        utf8(lines(OP_HEADER, op("99999", "03/2025", "Gamma").replace("Thủy Nguyên", "Atlantis"))), 1)
        .kept("telecom_operator", "ward_unknown"));
    add(fileRejected("operator_missingMonthColumn_rejectedNamingIt", "telecom/2025-04/operator-delta.csv",
        utf8(lines(cut(OP_HEADER, 2), cut(op("11560", "04/2025", "Delta"), 2))), 1,
        "file_missing_columns", "'Tháng'"));
    add(lineRejects("speedtest_networkSatellite_rejectedAsBadValue", "telecom/2025-07/speedtest.csv",
        utf8(lines(SPEED_HEADER, "11560,2025-07,satellite,1000,500,600,3,2", "11560,2025-07,mobile,90000,20000,30,40,20")), 2,
        new Rej(2L, "bad_value", "column 'network_type': expected fixed or mobile, found 'satellite'"))
        .kept("telecom_speedtest"));
    add(lineRejects("speedtest_month13_rejectedAsBadDate", "telecom/2025-08/speedtest.csv",
        utf8(lines(SPEED_HEADER, "11560,2025-13,fixed,1000,500,9,3,2")), 1,
        new Rej(2L, "bad_date", "column 'month': expected a month yyyy-MM, found '2025-13'")));
    add(lineRejects("operator_numbersBeyondTheirRangeAndYear1900_flaggedAndRejected", "telecom/2024-11/operator-omega.csv",
        utf8(lines(OP_HEADER,
            op("11560", "11/2024", "Omega").replace(",10,2,", ",99999999999999999999,2,").replace("\"12,5\"", "1" + "0".repeat(400)),
            op("11560", "12/1900", "Omega"))), 2,
        new Rej(3L, "bad_date", "column 'Tháng': expected a date from 2000 to 2100, found '12/1900'"))
        .kept("telecom_operator", "bad_value:bts_4g", "bad_value:fiber_km"));
    add(lineRejects("speedtest_month0001_rejectedAsBadDate", "telecom/2024-12/speedtest.csv",
        utf8(lines(SPEED_HEADER, "11560,0001-12,fixed,1000,500,9,3,2", "11560,2024-12,fixed,1" + "0".repeat(400) + ",500,9,3,2")), 2,
        new Rej(2L, "bad_date", "column 'month': expected a date from 2000 to 2100, found '0001-12'"))
        .kept("telecom_speedtest", "bad_value:avg_d_kbps"));
  }

  // ---------------------------------------------------------------- unit reports

  private void reportCases() {
    add(fileRejected("report_invalidJson_rejected", reportPath("broken"), utf8("{\"unit_code\": \"UB-11560\", "), 1,
        "file_invalid_json", "expected one JSON report document"));
    add(fileRejected("report_jsonArray_rejected", reportPath("array"), utf8("[" + report("UB-11560", "2025-11", "month") + "]"), 1,
        "file_invalid_json", "expected one JSON object"));
    // One document is one record, even when the document is missing.
    add(fileRejected("report_emptyFile_rejectedAsEmpty", reportPath("empty"), new byte[0], 1,
        "file_empty", "expected one JSON report document"));
    add(fileRejected("report_windows1258_rejectedAsNotUtf8", reportPath("cp1258"),
        windows1258(report("UB-11560", "2025-11", "month").put("notes", "Báo cáo tháng của phường").toString()), 1,
        "file_not_utf8", "expected a UTF-8 file"));
    add(fileRejected("report_missingUnitCode_rejectedAsMissingRequired", reportPath("no-unit"),
        utf8(report(null, "2025-11", "month").toString()), 1, "missing_required", "column 'unit_code' is empty"));
    add(fileRejected("report_missingPeriod_rejectedAsMissingRequired", reportPath("no-period"),
        utf8(report("UB-11560", null, "month").toString()), 1, "missing_required", "column 'period' is empty"));
    add(fileRejected("report_month13_rejectedAsBadPeriod", reportPath("m13"),
        utf8(report("UB-11560", "2025-13", "month").toString()), 1, "bad_period", "expected yyyy-MM like 2025-11"));
    add(fileRejected("report_quarterQ5_rejectedAsBadPeriod", reportPath("q5"),
        utf8(report("UB-11560", "2025-Q5", "quarter").toString()), 1, "bad_period", "expected yyyy-Qn like 2025-Q4"));
    add(fileRejected("report_periodTypeWeek_rejectedAsBadPeriod", reportPath("week"),
        utf8(report("UB-11560", "2025-W47", "week").toString()), 1, "bad_period",
        "period_type 'week' is not one of month, quarter, half, year"));
    add(fileRejected("report_monthPeriodTypedQuarter_rejectedAsBadPeriod", reportPath("mismatch"),
        utf8(report("UB-11560", "2025-11", "quarter").toString()), 1, "bad_period",
        "period '2025-11' does not match period_type 'quarter'"));
    add(fileRejected("report_submittedAtGarbage_rejectedAsBadDate", reportPath("when"),
        utf8(report("UB-11560", "2025-11", "month").put("submitted_at", "sáng nay").toString()), 1,
        "bad_date", "column 'submitted_at': expected an ISO-8601 time with offset"));
    add(accepted("report_unknownUnit_keptWithFlag", reportPath("unknown-unit"),
        utf8(report("UB-NOWHERE", "2025-11", "month").toString()), 1)
        .kept("unit_reports", "unit_unknown"));
    ObjectNode textMetric = report("UB-11560", "2025-10", "month");
    textMetric.withArray("metrics").addObject().put("code", "officials_skilled").put("value", "nhiều");
    add(accepted("report_nonNumericMetric_keptWithFlag", reportPath("metric"), utf8(textMetric.toString()), 1)
        .kept("unit_reports", "bad_value:metrics"));
    add(accepted("report_hostileNotes_keptVerbatim", reportPath("hostile"),
        utf8(report("UB-11560", "2025-09", "month").put("notes", HOSTILE).toString()), 1)
        .kept("unit_reports"));
    add(accepted("report_10000CharNotes_cutWithFlag", reportPath("long-notes"),
        utf8(report("UB-11560", "2025-08", "month").put("notes", LONG_NOTES).toString()), 1)
        .kept("unit_reports", "bad_value:notes"));
    String november = report("UB-11560", "2025-11", "month").toString();
    add(fileRejected("report_unitCodeTwice_rejectedNamingTheKey", reportOn("unit-twice"),
        utf8(november.replace("\"unit_code\":\"UB-11560\"", "\"unit_code\":\"UB-11560\",\"unit_code\":\"UB-11561\"")), 1,
        "file_invalid_json", "duplicate key 'unit_code'; expected each key once"));
    add(fileRejected("report_metricValueTwice_rejectedNamingTheKey", reportOn("value-twice"),
        utf8(november.replace("\"value\":412", "\"value\":412,\"value\":4120")), 1,
        "file_invalid_json", "duplicate key 'value'"));
    add(fileRejected("report_metricGivenTwice_rejectedAsBadValue", reportOn("metric-twice"),
        utf8(withMetric(november, "{\"code\":\"officials_total\",\"target_group\":\"public_sector\",\"value\":4120}")), 1,
        "bad_value", "metric 'officials_total' of group 'public_sector' is given twice"));
    add(fileRejected("report_infiniteCount_rejectedAsBadValue", reportOn("infinite"),
        utf8(november.replace("\"value\":412", "\"value\":1e309")), 1,
        "bad_value", "metric 'officials_total': expected a count of 0 or more, found 'Infinity'"));
    add(fileRejected("report_negativeCount_rejectedAsBadValue", reportOn("negative"),
        utf8(withMetric(november, "{\"code\":\"adults_vneid_certified\",\"value\":-500}")), 1,
        "bad_value", "metric 'adults_vneid_certified': expected a count of 0 or more, found '-500'"));
    add(accepted("report_countAboveItsTotal_keptWithFlag", reportOn("above-total"),
        utf8(withMetric(november, "{\"code\":\"officials_skilled\",\"value\":999999}")), 1)
        .kept("unit_reports", "count_above_total:officials_skilled"));
    add(fileRejected("report_period0001_rejectedAsBadDate", reportOn("year-1"),
        utf8(report("UB-11560", "0001-12", "month").toString()), 1,
        "bad_date", "column 'period': expected a date from 2000 to 2100, found '0001-12'"));
    add(fileRejected("report_submittedInYear9999_rejectedAsBadDate", reportOn("year-9999"),
        utf8(report("UB-11560", "2025-11", "month").put("submitted_at", "9999-12-31T23:59:59Z").toString()), 1,
        "bad_date", "column 'submitted_at': expected a date from 2000 to 2100"));
    add(fileRejected("report_unquotedNameInNotes_rejectedWithoutEchoingIt", reportOn("unquoted-name"),
        utf8(november.substring(0, november.length() - 1) + ",\"notes\":" + NAME + "}"), 1,
        "file_invalid_json", "expected one JSON report document"));
    add(accepted("report_globCharactersInName_readUnderItsName", reportPath("bao-cao[1]"),
        utf8(report("UB-11560", "2025-07", "month").toString()), 1).kept("unit_reports"));
    add(accepted("report_spaceAndColonInName_readUnderItsName", reportPath("ub-10525 06.12.2025 09:00"),
        utf8(report("UB-11560", "2025-06", "month").toString()), 1).kept("unit_reports"));
  }

  // ---------------------------------------------------------------- landing layout

  private void layoutCases() {
    add(fileRejected("contest_xlsxFile_rejectedAsUnexpected", "contest/2025-10-30/registrations.xlsx",
        new byte[] {'P', 'K', 3, 4, 0, 0}, 0, "file_unexpected", "does not fit the landing layout"));
    add(fileRejected("contest_impossibleFolderDate_rejectedAsUnexpected", "contest/2025-02-30/registrations.csv",
        utf8(lines(REG_HEADER, reg("TS-FD"))), 0, "file_unexpected", "it was not read"));
    add(fileRejected("reports_nestedFolder_rejectedAsUnexpected", "unit-reports/2025-12-30/extra/a.json",
        utf8(report("UB-11560", "2025-11", "month").toString()), 0, "file_unexpected", "does not fit the landing layout"));
    String dangling = contest("visits.csv");
    add(fileRejected("contest_danglingLink_rejectedAsNotRegular", dangling, new byte[0], 0,
        "file_not_regular", "the entry is a link to a missing file"));
    special(dangling, p -> Files.createSymbolicLink(p, Path.of("missing.csv")));
    String pipe = contest("visits.csv");
    add(fileRejected("contest_namedPipe_rejectedWithoutOpeningIt", pipe, new byte[0], 0,
        "file_not_regular", "the entry is a named pipe (FIFO)"));
    special(pipe, p -> assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor()));
    String loop = contest("visits.csv").replace("visits.csv", "a");
    add(fileRejected("contest_linkToItsOwnFolder_rejectedNotFollowed", loop, new byte[0], 0,
        "file_not_regular", "the entry is a link to a folder"));
    special(loop, p -> Files.createSymbolicLink(p, Path.of(".")));
    String loop2 = loop.replace("/a", "/b");
    add(fileRejected("contest_secondLinkToItsOwnFolder_rejectedNotFollowed", loop2, new byte[0], 0,
        "file_not_regular", "the entry is a link to a folder"));
    special(loop2, p -> Files.createSymbolicLink(p, Path.of(".")));
  }

  // ---------------------------------------------------------------- the tests

  @TestFactory
  Stream<DynamicTest> eachBadInput_endsAsExpectedAndNothingIsLost() {
    Assertions.assertTrue(cases.size() >= 45, "the corpus holds " + cases.size() + " cases");
    return cases.stream().map(c -> dynamicTest(c.name(), () -> check(c)));
  }

  @Test
  void run_succeededAndListsEveryLandedFile() {
    assertEquals("succeeded", manifest.get("status").asText());
    Set<String> listed = new TreeSet<>();
    manifest.get("sources").forEach(s -> s.get("files").forEach(f -> listed.add(f.get("path").asText())));
    assertEquals(cases.stream().map(Case::path).collect(Collectors.toCollection(TreeSet::new)), listed);
  }

  @Test
  void rejectDetails_neverEchoPersonalData() {
    assertFalse(rejects.isEmpty());
    for (Row r : rejects) {
      String detail = r.getAs("detail");
      for (String pii : PII) {
        assertFalse(detail.contains(pii), () -> r.getAs("file") + " line " + r.getAs("line")
            + ": the detail echoes personal data: " + detail);
      }
    }
  }

  @Test
  void hostileNotes_areKeptVerbatimAsData() {
    assertEquals(HOSTILE, stagedRows("unit_reports", reportPath("hostile")).get(0).getAs("notes"));
    Row longNotes = stagedRows("unit_reports", reportPath("long-notes")).get(0);
    assertEquals(LONG_NOTES.substring(0, 4096), longNotes.getAs("notes"));
  }

  @Test
  void hostileCatalogText_isKeptVerbatimAsData() {
    Map<String, String> titles = new HashMap<>();
    Map<String, String> topics = new HashMap<>();
    for (Row r : spark().read().parquet(warehouse.resolve("staged/course_catalog").toString()).collectAsList()) {
      titles.put(r.getAs("course_code"), r.getAs("title"));
      topics.put(r.getAs("course_code"), r.getAs("topic"));
    }
    assertEquals(SCRIPT, titles.get("HP-KNS-01"));
    assertEquals(ZERO_WIDTH, topics.get("HP-KNS-01"));
    assertEquals(DROP, titles.get("MOOC-CDS-01"));
    assertEquals(RTL, topics.get("MOOC-CDS-01"));
  }

  @Test
  void voidingReferenceInUpperCase_voidsTheStatement() {
    List<Row> rows = stagedRows("mooc_statements", voidingPath());
    Row voided = rows.stream().filter(r -> VOIDED_ID.equals(r.getAs("statement_id"))).findFirst().orElseThrow();
    Assertions.assertTrue(voided.<Boolean>getAs("is_voided"), () -> "not voided: " + rows);
  }

  @Test
  void rejectDetails_neverEchoThePersonalValuesOfTheLanding() {
    for (Row r : rejects) {
      String detail = r.getAs("detail");
      List<String> found = landingPersonalData.findIn(detail);
      Assertions.assertTrue(found.isEmpty(), () -> r.getAs("file") + " line " + r.getAs("line")
          + ": the detail echoes personal data: " + detail);
    }
  }

  private void check(Case c) {
    JsonNode f = manifestEntry(c.path());
    long read = f.get("rows_read").asLong();
    long accepted = f.get("rows_accepted").asLong();
    long rejected = f.get("rows_rejected").asLong();
    assertEquals(read, accepted + rejected, "rows read = accepted + rejected");
    assertEquals(c.records(), read, "rows read = the data records in the file");

    List<Row> mine = rejects.stream().filter(r -> c.path().equals(r.getAs("file"))).toList();
    if (c.wholeFile()) {
      Rej expected = c.rejects().get(0);
      assertEquals(expected.reason(), f.path("file_rejected").asText(null), "file_rejected in the manifest");
      assertEquals(0, accepted);
      assertEquals(1, mine.size(), () -> "one reject row for the file, got " + mine);
      assertNull(mine.get(0).getAs("line"));
      assertEquals(expected.reason(), mine.get(0).getAs("reason_code"));
      assertDetail(expected, mine.get(0));
    } else {
      assertFalse(f.has("file_rejected"), () -> "file rejected as " + f.get("file_rejected"));
      Map<Long, String> expectedLines = new TreeMap<>();
      c.rejects().forEach(r -> expectedLines.put(r.line(), r.reason()));
      Map<Long, String> actualLines = new TreeMap<>();
      mine.forEach(r -> actualLines.put(r.getAs("line"), r.getAs("reason_code")));
      assertEquals(expectedLines, actualLines, () -> "rejected lines; details: " + mine);
      for (Rej expected : c.rejects()) {
        assertDetail(expected, mine.stream().filter(r -> expected.line().equals(r.getAs("line"))).findFirst().orElseThrow());
      }
      assertEquals(c.records() - c.rejects().size(), accepted, "rows accepted");
    }
    if (c.note() != null) {
      List<String> notes = new ArrayList<>();
      f.path("notes").forEach(n -> notes.add(n.asText()));
      Assertions.assertTrue(notes.stream().anyMatch(n -> n.contains(c.note())), () -> "notes " + notes + " lack '" + c.note() + "'");
    }
    if (c.table() != null) {
      List<Row> rows = stagedRows(c.table(), c.path());
      assertEquals(accepted, rows.size(), "kept rows in staged " + c.table());
      Set<String> flags = new TreeSet<>();
      rows.forEach(r -> flags.addAll(r.<String>getList(r.fieldIndex("quality_flags"))));
      assertEquals(new TreeSet<>(c.flags()), flags, "quality flags on the kept rows");
    }
  }

  private static void assertDetail(Rej expected, Row actual) {
    String detail = actual.getAs("detail");
    assertNotNull(detail);
    Assertions.assertTrue(detail.contains(expected.detail()),
        () -> "detail '" + detail + "' lacks '" + expected.detail() + "'");
  }

  private JsonNode manifestEntry(String path) {
    for (JsonNode source : manifest.get("sources")) {
      for (JsonNode f : source.get("files")) {
        if (f.get("path").asText().equals(path)) {
          return f;
        }
      }
    }
    return Assertions.fail("the manifest does not list " + path);
  }

  private List<Row> stagedRows(String table, String path) {
    List<Row> all = staged.computeIfAbsent(table, t ->
        spark().read().parquet(warehouse.resolve("staged/" + t).toString()).collectAsList());
    return all.stream().filter(r -> path.equals(r.getAs("source_file"))).toList();
  }

  // ---------------------------------------------------------------- building the corpus

  private void add(Case c) {
    cases.add(c);
  }

  private void special(String path, SpecialEntry entry) {
    specials.put(path, entry);
  }

  private static Case fileRejected(String name, String path, byte[] content, long records, String reason,
      String detail) {
    return new Case(name, path, content, records, List.of(new Rej(null, reason, detail)), null, null, Set.of());
  }

  private static Case lineRejects(String name, String path, byte[] content, long records, Rej... rejected) {
    return new Case(name, path, content, records, List.of(rejected), null, null, Set.of());
  }

  private static Case accepted(String name, String path, byte[] content, long records) {
    return new Case(name, path, content, records, List.of(), null, null, Set.of());
  }

  /** Every case gets its own delivery folder: the next day of the month given. */
  private String nextDay(String prefix, String month) {
    int day = folders.merge(prefix + month, 1, Integer::sum);
    Assertions.assertTrue(day <= 28, "more cases than days in " + prefix + month);
    return prefix + month + "-" + String.format("%02d", day);
  }

  /** Registrations in October, the other contest files in November: one folder per case either way. */
  private String contest(String file) {
    return nextDay("contest/", file.equals("registrations.csv") ? "2025-10" : "2025-11") + "/" + file;
  }

  private String catalog() {
    return nextDay("course/catalog/", "2025-09") + "/courses.csv";
  }

  private String lms() {
    return nextDay("course/city-lms/", "2025-10") + "/enrolments.csv";
  }

  private String mooc(String extension) {
    return nextDay("course/national-mooc/", "2025-11") + "/statements" + extension;
  }

  /** Contest files in a month of their own, so cases added here and elsewhere do not run out of days. */
  private String contestIn(String month, String file) {
    return nextDay("contest/", month) + "/" + file;
  }

  /** Report documents of one folder: a folder may hold any number of them. */
  private static String reportOn(String name) {
    return "unit-reports/2025-11-28/" + name + ".json";
  }

  private static final String VOIDED_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

  private static String voidingPath() {
    return "course/national-mooc/2025-10-15/statements.jsonl";
  }

  private String reportPath(String name) {
    return "unit-reports/2025-12-" + String.format("%02d", reportDay(name)) + "/" + name + ".json";
  }

  private final Map<String, Integer> reportDays = new HashMap<>();

  private int reportDay(String name) {
    return reportDays.computeIfAbsent(name, n -> reportDays.size() + 1);
  }

  private static String reg(String id) {
    return reg(id, "Nam", "11560", "Người dân");
  }

  private static String reg(String id, String gender, String ward, String group) {
    return csv(id, NAME, BIRTH, gender, PHONE, CCCD, ward, group, "UBND phường Thủy Nguyên", "05/10/2025 08:30");
  }

  private static String regAt(String id, String at) {
    return reg(id).replace("05/10/2025 08:30", at);
  }

  private static String lms(String learner, String classCode, String enrolled, String progress, String status) {
    return csv(learner, NAME_2, CCCD, PHONE, BIRTH, "Nữ", "11560", "Người dân", classCode, "Lớp kỹ năng số",
        enrolled, progress, "", status);
  }

  private static String op(String ward, String month, String operator) {
    return ward + ",Thủy Nguyên," + month + "," + operator + ",10,2,\"99,5\",40,\"12,5\",1.000";
  }

  private static String statement(String id, String verb, String course, String timestamp) {
    return "{\"id\":\"" + id + "\",\"actor\":{\"account\":{\"homePage\":\"https://vneid.gov.vn\",\"name\":\"" + CCCD + "\"}},"
        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/" + verb + "\"},"
        + "\"object\":{\"id\":\"https://mooc.example.vn/course/" + course + "\"},\"timestamp\":\"" + timestamp + "\","
        + "\"context\":{\"extensions\":{\"https://x.vn/ext/ward\":\"11560\",\"https://x.vn/ext/target-group\":\"Người dân\"}}}";
  }

  private static String without(String json, String field) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(json);
      node.remove(field);
      return node.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode report(String unit, String period, String periodType) {
    ObjectNode doc = JSON.createObjectNode().put("schema_version", 1).put("report_id", "r-" + unit + "-" + period);
    if (unit != null) {
      doc.put("unit_code", unit);
    }
    doc.put("ward", "11560");
    if (period != null) {
      doc.put("period", period);
    }
    doc.put("period_type", periodType).put("submitted_at", "2025-12-03T09:12:00+07:00");
    doc.putArray("metrics").addObject().put("code", "officials_total").put("target_group", "public_sector").put("value", 412);
    return doc;
  }

  /** A report document of {@link #report} with one more metric after its officials_total. */
  private static String withMetric(String report, String metric) {
    return report.replace("\"value\":412}", "\"value\":412}," + metric);
  }

  /** The WardDirectory's first pre-2025 name that maps to several new units. */
  private static String ambiguousLegacyWard() {
    WardDirectory wards = WardDirectory.load();
    return wards.legacyNames().stream()
        .filter(l -> l.wardCodes().size() > 1)
        .map(WardDirectory.LegacyName::name)
        .filter(n -> "ward_ambiguous_legacy".equals(wards.resolve(n).flag()))
        .findFirst().orElseThrow(() -> new AssertionError("no ambiguous legacy ward name in the reference"));
  }

  /** One CSV line, RFC 4180 quoting where needed. */
  private static String csv(String... cells) {
    return Arrays.stream(cells)
        .map(c -> c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
        .collect(Collectors.joining(","));
  }

  /** The line without its {@code index}-th cell (no quoted commas in the lines this is used on). */
  private static String cut(String line, int index) {
    List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
    cells.remove(index);
    return String.join(",", cells);
  }

  /** The cells in reverse order, joined with {@code delimiter}. */
  private static String reversed(String line, char delimiter) {
    List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
    java.util.Collections.reverse(cells);
    return String.join(String.valueOf(delimiter), cells);
  }

  private static String lines(String... rows) {
    return String.join("\n", rows) + "\n";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** As Excel on a Vietnamese Windows writes it: decomposed tone marks, unmappable letters as '?'. */
  private static byte[] windows1258(String text) {
    try {
      var buffer = Charset.forName("windows-1258").newEncoder()
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .encode(java.nio.CharBuffer.wrap(Normalizer.normalize(text, Normalizer.Form.NFD)));
      return Arrays.copyOf(buffer.array(), buffer.limit());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** UTF-16 little-endian with its BOM, as "Unicode Text" exports write it. */
  private static byte[] utf16(String text) {
    return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(utf8(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
