package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.haiphong.bdhvs.cli.Cli.Result;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.landing.Landing;

/** {@code bdhvs approve}: a decision line in today's approvals file, in the contract's shape; bad input exits 2. */
class ApproveCommandTest {
  @TempDir
  Path landing;

  private Result approve(String... args) {
    return Cli.execute(Stream.concat(Stream.of("approve", "--landing", landing.toString()), Stream.of(args))
        .toArray(String[]::new));
  }

  private Path todaysFile() {
    return landing.resolve("unit-reports/approvals/" + LocalDate.now(ExportValues.LOCAL_ZONE) + "/approvals.csv");
  }

  @Test
  void decisions_areAddedToTodaysFileUnderOneHeader_whichTheLandingLayoutReads() throws IOException {
    assertEquals(Main.OK, approve("--unit", "ub-10507", "--period", "2025-11", "--decision", "Approved").code());
    Result second = approve("--unit", "SO-GDDT", "--period", "2025-q3", "--decision", "returned", "--version", "2");
    assertEquals(Main.OK, second.code(), second.err());
    List<String> lines = Files.readAllLines(todaysFile(), StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(ApproveCommand.header(), lines.get(0));
    // decided_at in the ISO-8601 form with offset that the input contract asks for.
    assertTrue(lines.get(1).matches("UB-10507,2025-11,,,approved,city_analyst,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00"),
        lines.get(1));
    OffsetDateTime.parse(lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1));
    assertTrue(lines.get(2).startsWith("SO-GDDT,2025-Q3,2,,returned,city_analyst,"), lines.get(2));
    assertEquals("unit_report_approvals",
        Landing.slotOf(landing.relativize(todaysFile()).toString()).orElseThrow().table());
    try (Stream<Path> left = Files.list(todaysFile().getParent())) {
      // Only the file and the lock (a tooling name the landing scan skips): no temporary file left behind.
      assertEquals(List.of(".approvals.lock", "approvals.csv"),
          left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "UB-99999 | 2025-11 | approved | city_analyst | not a unit of reference/reporting_units.csv",
      "UB-10507 | 2025-13 | approved | city_analyst | expected a period like 2025-11, 2025-Q4",
      "UB-10507 | 2999-01 | approved | city_analyst | has not begun",
      "UB-10507 | 2025-11 | ok       | city_analyst | expected approved or returned",
      "UB-10507 | 2025-11 | approved | Nguyễn Văn A | never a person's name"})
  void badUnitPeriodDecisionOrRole_exit2SayingWhatWasExpected_andWriteNothing(String unit, String period, String decision,
      String role, String expected) {
    Result r = approve("--unit", unit, "--period", period, "--decision", decision, "--role", role);
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains(expected), r.err());
    assertTrue(Files.notExists(todaysFile()), "nothing written after a refusal");
  }
}
