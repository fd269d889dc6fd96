package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.cli.Cli.execute;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.cli.Cli.Result;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/** {@code bdhvs query} over a warehouse with no Parquet yet: the dimension tables answer. */
class QueryCommandTest {
  @TempDir Path warehouse;

  @BeforeEach
  void build() {
    new DuckDbWarehouse(warehouse).rebuild("run-test");
  }

  private Result query(String... formatAndSql) {
    List<String> args = new ArrayList<>(List.of("query", "--warehouse", warehouse.toString()));
    args.addAll(List.of(formatAndSql));
    return execute(args.toArray(String[]::new));
  }

  @Test
  void csv_printsHeaderThenOneLinePerRowWithRfc4180Quoting() {
    Result r = query("--format", "csv",
        "SELECT 'a,b' AS x, 'say \"hi\"' AS y, NULL AS z, 2.5 AS d UNION ALL SELECT 'line\nbreak', 'plain', 'z', 1");
    assertEquals(0, r.code(), r.err());
    assertEquals("x,y,z,d\n\"a,b\",\"say \"\"hi\"\"\",,2.5\n\"line\nbreak\",plain,z,1.0\n", r.out());
  }

  @Test
  void csvExcelSafe_prefixesTextThatStartsAFormulaAndLeavesNumbersAlone() {
    String sql = "SELECT * FROM (VALUES ('=HYPERLINK(\"http://x\")', -3, -2.5, 'a-b'), ('+1', 4, 0.5, '@SUM(A1)'),"
        + " ('-1', -7, -1.0, chr(9) || 'tab'), (chr(13) || 'cr', 0, 0.0, NULL)) t(txt, n, d, other)";
    Result safe = query("--format", "csv", "--excel-safe", sql + " ORDER BY n");
    assertEquals(0, safe.code(), safe.err());
    assertEquals("txt,n,d,other\n"
        + "'-1,-7,-1.0,'\ttab\n"
        + "\"'=HYPERLINK(\"\"http://x\"\")\",-3,-2.5,a-b\n"
        + "\"'\rcr\",0,0.0,\n"
        + "'+1,4,0.5,'@SUM(A1)\n", safe.out());
    Result plain = query("--format", "csv", sql + " ORDER BY n");
    assertTrue(plain.out().contains("\n-1,-7,-1.0,\ttab\n"), plain.out());
    Result table = query("--excel-safe", "SELECT 1");
    assertEquals(Main.BAD_INPUT, table.code(), table.err());
    assertTrue(table.err().contains("--excel-safe goes with --format csv"), table.err());
  }

  @Test
  void help_documentsExcelSafe() {
    assertTrue(execute("query", "--help").out().contains("--excel-safe"));
  }

  @Test
  void csv_readsTheWardDimension() {
    Ward ward = WardDirectory.load().wards().get(0);
    Result r = query("--format", "csv", "SELECT ward_code, ward_name, unit_type FROM dim_ward "
        + "WHERE ward_code IN ('" + ward.code() + "', 'ALL') ORDER BY ward_code DESC");
    assertEquals("ward_code,ward_name,unit_type\nALL,Thành phố Hải Phòng,city\n"
        + ward.code() + "," + ward.name() + "," + ward.unitType() + "\n", r.out());
  }

  @Test
  void file_runsTheSqlOfAFileEvenWhenItStartsWithAComment() throws Exception {
    Path sql = Files.writeString(warehouse.resolve("q.sql"),
        "-- the city and the unknown bucket\nSELECT ward_code FROM dim_ward\nWHERE ward_code IN ('ALL', 'UNKNOWN')\nORDER BY 1;\n");
    Result r = query("--format", "csv", "--file", sql.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("ward_code\nALL\nUNKNOWN\n", r.out());
  }

  @Test
  void file_missingOrGivenWithSql_exits2InPlainWords() {
    Path missing = warehouse.resolve("no-such.sql");
    Result r = query("--file", missing.toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("cannot read the SQL file " + missing) && r.err().contains("expected a text file"), r.err());
    Result both = query("--file", missing.toString(), "SELECT 1");
    assertEquals(Main.BAD_INPUT, both.code());
    assertTrue(both.err().contains("either on the command line (in quotes) or with --file"), both.err());
    Result none = query();
    assertEquals(Main.BAD_INPUT, none.code());
  }

  @Test
  void table_alignsColumnsAndRightAlignsNumbers() {
    Result r = query("SELECT 'Hải Phòng' AS name, 7 AS n UNION ALL SELECT 'x', 1234 ORDER BY n");
    assertEquals(0, r.code(), r.err());
    assertEquals("""
        name      |    n
        ----------+-----
        Hải Phòng |    7
        x         | 1234
        (2 rows)
        """, r.out());
  }

  @Test
  void arrow_writesAFileArrowJavaReadsBack() throws Exception {
    Path file = warehouse.resolve("out.arrow");
    Result r = query("--format", "arrow", "--out", file.toString(),
        "SELECT ward_code, population, area_km2 FROM dim_ward WHERE population IS NOT NULL ORDER BY ward_code");
    assertEquals(0, r.code(), r.err());
    List<Ward> expected = WardDirectory.load().wards().stream().filter(w -> w.population() != null).toList();
    List<String> codes = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertEquals(List.of("ward_code", "population", "area_km2"),
          root.getSchema().getFields().stream().map(f -> f.getName()).toList());
      while (reader.loadNextBatch()) {
        VarCharVector code = (VarCharVector) root.getVector("ward_code");
        BigIntVector population = (BigIntVector) root.getVector("population");
        Float8Vector area = (Float8Vector) root.getVector("area_km2");
        for (int i = 0; i < root.getRowCount(); i++) {
          Ward w = expected.get(codes.size());
          assertEquals(w.population(), population.getObject(i), w.code());
          assertEquals(w.areaKm2(), area.get(i), w.code());
          codes.add(new String(code.get(i), StandardCharsets.UTF_8));
        }
      }
    }
    assertEquals(expected.stream().map(Ward::code).toList(), codes);
  }

  @Test
  void arrowWithoutOut_exits2() {
    Result r = query("--format", "arrow", "SELECT 1");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("--out"), r.err());
  }

  @Test
  void sqlError_exits2WithDuckDbsMessageInOneParagraph() {
    Result r = query("SELEC * FROM dim_ward");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("syntax error") && r.err().contains("bdhvs.duckdb"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void unknownTable_exits2NamingIt() {
    Result r = query("SELECT * FROM no_such_view");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("no_such_view"), r.err());
  }

  @Test
  void missingWarehouseFile_exits2NamingTheFile() throws Exception {
    Path empty = Files.createDirectory(warehouse.resolve("empty"));
    Result r = execute("query", "--warehouse", empty.toString(), "SELECT 1");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains(empty.resolve("bdhvs.duckdb").toString()), r.err());
    assertFalse(Files.exists(empty.resolve("bdhvs.duckdb")), "a read-only query creates no file");
  }

  @Test
  void query_cannotWriteToTheWarehouseFile() {
    Result r = query("CREATE TABLE x (a INT)");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().toLowerCase().contains("read-only") || r.err().toLowerCase().contains("read only"), r.err());
  }

  @Test
  void help_showsExamples() {
    Result r = execute("query", "--help");
    assertEquals(Main.OK, r.code());
    assertTrue(r.out().contains("Examples") && r.out().contains("bdhvs query --warehouse"), r.out());
  }

  @Test
  void unwritableOut_exits2NamingTheFile() {
    Path out = warehouse.resolve("no-such-folder/out.arrow");
    Result r = query("--format", "arrow", "--out", out.toString(), "SELECT 1 AS a");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains(out.toString()), r.err());
  }
}
