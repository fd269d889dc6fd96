package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.contract.TableContract;

class CsvExportTest {
  private static final TableContract VISITS = TableContract.load("input", "contest_visits");

  private static List<CsvRecord> records(String text) throws FileRejected {
    List<CsvRecord> out = new ArrayList<>();
    Iterator<CsvRecord> it = CsvExport.open(text.getBytes(StandardCharsets.UTF_8), VISITS).records();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void open_matchesHeadersWhateverCaseDiacriticsSpacesAndOrder() throws FileRejected {
    List<CsvRecord> rows = records(" NGUOI DUNG DUY NHAT ;lượt truy cập; Ngày \n12;1.200;01/11/2025\n");
    assertEquals("01/11/2025", rows.get(0).get("date"));
    assertEquals("1.200", rows.get(0).get("visits"));
    assertEquals("12", rows.get(0).get("unique_users"));
  }

  @Test
  void open_matchesNfdHeaders() throws FileRejected {
    String nfd = Normalizer.normalize("Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5,3\n", Normalizer.Form.NFD);
    assertEquals("5", records(nfd).get(0).get("visits"));
  }

  @Test
  void open_stripsBom() throws FileRejected {
    assertEquals("01/11/2025", records("\uFEFFNgày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5,3\n").get(0).get("date"));
  }

  @Test
  void open_detectsSemicolonEvenWhenValuesHoldCommas() throws FileRejected {
    CsvExport e = CsvExport.open("Ngày;Lượt truy cập;Người dùng duy nhất\n01/11/2025;5,0;3\n".getBytes(StandardCharsets.UTF_8), VISITS);
    assertEquals(';', e.delimiter());
  }

  @Test
  void open_reportsUnknownColumnsOnce() throws FileRejected {
    CsvExport e = CsvExport.open("Ngày,Ghi chú,Lượt truy cập,Người dùng duy nhất\n01/11/2025,x,5,3\n".getBytes(StandardCharsets.UTF_8), VISITS);
    assertEquals(List.of("Ghi chú"), e.extraHeaders());
  }

  @Test
  void open_rejectsFileWithoutRequiredColumn() {
    FileRejected e = assertThrows(FileRejected.class,
        () -> records("Lượt truy cập,Người dùng duy nhất\n5,3\n"));
    assertEquals(RejectReason.FILE_MISSING_COLUMNS, e.reason());
    assertTrue(e.getMessage().contains("'Ngày'"), e.getMessage());
  }

  @Test
  void open_keepsFileWithoutOptionalColumn() throws FileRejected {
    CsvExport e = CsvExport.open("Ngày,Lượt truy cập\n01/11/2025,5\n".getBytes(StandardCharsets.UTF_8), VISITS);
    assertEquals(List.of("Người dùng duy nhất"), e.missingOptionalHeaders());
  }

  @Test
  void open_rejectsWindows1258WithLineNumber() {
    byte[] bytes = "Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5,3\nHòa Bình,1,1\n"
        .getBytes(Charset.forName("windows-1258"));
    FileRejected e = assertThrows(FileRejected.class, () -> CsvExport.open(bytes, VISITS));
    assertEquals(RejectReason.FILE_NOT_UTF8, e.reason());
    assertTrue(e.getMessage().startsWith("line 1"), e.getMessage());
  }

  @Test
  void open_rejectsEmptyAndHeaderOnlyFiles() {
    assertEquals(RejectReason.FILE_EMPTY, assertThrows(FileRejected.class, () -> records("")).reason());
    assertEquals(RejectReason.FILE_EMPTY, assertThrows(FileRejected.class, () -> records("\uFEFF \n")).reason());
    assertEquals(RejectReason.FILE_EMPTY,
        assertThrows(FileRejected.class, () -> records("Ngày,Lượt truy cập,Người dùng duy nhất\n")).reason());
  }

  @Test
  void records_numberPhysicalLinesAcrossQuotedNewlines() throws FileRejected {
    List<CsvRecord> rows = records("Ngày,Lượt truy cập,Người dùng duy nhất\r\n\"01/11/2025\",\"5\",\"a\nb\"\r\n\r\n02/11/2025,\"say \"\"hi\"\"\",1\r\n");
    assertEquals(2, rows.size());
    assertEquals(2, rows.get(0).line());
    assertEquals("a\nb", rows.get(0).get("unique_users"));
    assertEquals(5, rows.get(1).line());
    assertEquals("say \"hi\"", rows.get(1).get("visits"));
  }

  @Test
  void checkShape_rejectsMissingOrExtraFields() throws FileRejected {
    List<CsvRecord> rows = records("Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5\n01/11/2025,5,3,9\n");
    for (CsvRecord r : rows) {
      RecordRejected e = assertThrows(RecordRejected.class, r::checkShape);
      assertEquals(RejectReason.WRONG_FIELD_COUNT, e.reason());
      assertTrue(e.getMessage().contains("expected 3 fields"), e.getMessage());
    }
  }

  @Test
  void checkShape_rejectsTruncatedQuotedField() throws FileRejected, RecordRejected {
    List<CsvRecord> rows = records("Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5,3\n02/11/2025,\"5");
    assertEquals(2, rows.size());
    rows.get(0).checkShape();
    RecordRejected e = assertThrows(RecordRejected.class, rows.get(1)::checkShape);
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void checkShape_rejectsOversizedField() throws FileRejected {
    String big = "x".repeat(CsvExport.MAX_FIELD_LENGTH + 1);
    RecordRejected e = assertThrows(RecordRejected.class,
        records("Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5," + big + "\n").get(0)::checkShape);
    assertEquals(RejectReason.FIELD_TOO_LONG, e.reason());
    assertFalse(e.getMessage().contains(big));
  }

  @Test
  void roughDataLines_countsLinesAfterHeader() {
    assertEquals(2, CsvExport.roughDataLines("h\na\nb\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, CsvExport.roughDataLines("h\na\nb".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, CsvExport.roughDataLines(new byte[0]));
  }

  /** Far above linear work even on a loaded machine, far below the hours the quadratic work took: a hang guard. */
  private static final java.time.Duration HANG_GUARD = java.time.Duration.ofSeconds(60);

  /** Ten data rows, CR line ends only, a stray quote opening row 3 (line 4). */
  private static final String CR_ONLY_STRAY_QUOTE = "Ngày,Lượt truy cập,Người dùng duy nhất\r"
      + java.util.stream.IntStream.rangeClosed(1, 10)
          .mapToObj(i -> String.format(i == 3 ? "%02d/11/2025,\"5,3\r" : "%02d/11/2025,5,3\r", i))
          .collect(java.util.stream.Collectors.joining());

  @Test
  void records_crOnlyLineEnds_strayQuoteRejectsItsLineAndEveryLaterLineIsRead() throws FileRejected {
    List<CsvRecord> rows = records(CR_ONLY_STRAY_QUOTE);
    assertEquals(java.util.stream.LongStream.rangeClosed(2, 11).boxed().toList(),
        rows.stream().map(CsvRecord::line).toList());
    for (CsvRecord r : rows) {
      if (r.line() == 4) {
        assertEquals(RejectReason.WRONG_FIELD_COUNT, assertThrows(RecordRejected.class, r::checkShape).reason());
      } else {
        assertDoesNotThrow(r::checkShape);
      }
    }
  }

  @Test
  void records_quoteClosedLinesLater_rejectsItsFirstLineAndReadsTheLinesItSwallowed() throws FileRejected {
    // The quote opened on line 3 closes inside line 5: the record it makes has the wrong shape, and
    // lines 4 and 5 are data rows of their own, not part of it.
    List<CsvRecord> rows = records("Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5,3\n02/11/2025,\"5,3\n"
        + "03/11/2025,5,3\n04/11/2025,5,3 \"x\n05/11/2025,5,3\n");
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L), rows.stream().map(CsvRecord::line).toList());
    assertThrows(RecordRejected.class, rows.get(1)::checkShape);
    assertDoesNotThrow(rows.get(2)::checkShape);
    assertEquals("3 \"x", rows.get(3).get("unique_users"));
  }

  @Test
  void roughDataLines_countsCrOnlyAndCrLfLineEnds() {
    assertEquals(2, CsvExport.roughDataLines("h\ra\rb\r".getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, CsvExport.roughDataLines("h\r\na\r\nb\r\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void open_fieldOfTwoMillionQuotes_isTokenizedInLinearTime() {
    String text = "Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,5,x" + "\"".repeat(2 << 20) + "\n02/11/2025,5,3\n";
    List<CsvRecord> rows = assertTimeoutPreemptively(HANG_GUARD, () -> records(text));
    assertEquals(RejectReason.FIELD_TOO_LONG, assertThrows(RecordRejected.class, rows.get(0)::checkShape).reason());
    assertEquals(3, rows.get(1).line());
  }

  @Test
  void open_headerOfTwoMillionRepeatedNames_isReadInLinearTime() {
    StringBuilder header = new StringBuilder("Ngày,Lượt truy cập,Người dùng duy nhất");
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 1_000_000; i++) {
        header.append(",c").append(i);
      }
    }
    CsvExport e = assertTimeoutPreemptively(HANG_GUARD,
        () -> CsvExport.open((header + "\n01/11/2025,5,3\n").getBytes(StandardCharsets.UTF_8), VISITS));
    assertEquals(1_000_000, e.repeatedHeaders().size());
    assertEquals(1_000_000, e.extraHeaders().size());
  }
}
