package vn.haiphong.bdhvs.warehouse;

import static vn.haiphong.bdhvs.warehouse.Sql.identifier;
import static vn.haiphong.bdhvs.warehouse.Sql.literal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.identity.LinkedRecords;
import vn.haiphong.bdhvs.reference.ReferenceTable;

/**
 * What {@code bdhvs.duckdb} holds (docs/specification.md §6), created in one connection: small dimension tables
 * copied from the reference data, and views that read the warehouse's Parquet and run manifests
 * by absolute path, so they work from any working directory. Every object and every column is
 * commented from its contract, lineage included — the data dictionary is the contracts, never text typed here.
 */
final class WarehouseObjects {
  static final String KPI_LATEST_SQL = """
      SELECT c.month, c.ward_code, w.ward_name, c.indicator_code, i.name_vi AS indicator_name_vi,
             i.unit, c.value, c.numerator, c.denominator, c.target_value, c.target_year, c.status,
             c.is_provisional
      FROM indicator_cube c
      JOIN dim_indicator i ON i.code = c.indicator_code
      LEFT JOIN dim_ward w ON w.ward_code = c.ward_code
      WHERE c.target_group = 'ALL' AND c.month = (""" + DuckDbWarehouse.LATEST_CLOSED_MONTH_SQL + ")";

  private static final String CUBES = "cubes";
  private static final String STAGED = "staged";
  private static final String REJECTS = "rejects";
  private static final String RUNS = "runs";
  private static final String QUALITY = "quality";
  /** Every folder of the warehouse a view reads: all a query session may read ({@link QuerySession}). */
  static final List<String> VIEW_FOLDERS = List.of(CUBES, QUALITY, STAGED, REJECTS, RUNS);

  private final Connection connection;
  private final Path root;
  private final Map<String, Long> rows = new LinkedHashMap<>();

  private WarehouseObjects(Connection connection, Path root) {
    this.connection = connection;
    this.root = root;
  }

  /** Creates every object over the warehouse at absolute {@code root}; returns each object's row count. */
  static Map<String, Long> create(Connection connection, Path root) throws SQLException {
    WarehouseObjects objects = new WarehouseObjects(connection, root);
    objects.dimensions();
    objects.facts();
    return objects.rows;
  }

  private void dimensions() throws SQLException {
    table("dim_ward", TableContract.load("warehouse", "dim_ward"), Dimensions.wards());
    table("dim_target_group", TableContract.load("warehouse", "dim_target_group"), Dimensions.targetGroups());

    // The catalog and the plans' targets as written: reference/*.csv is the one definition.
    for (Map.Entry<String, String> r : DuckDbWarehouse.REFERENCE_TABLES.entrySet()) {
      reference(r.getValue(), ReferenceTable.load(r.getKey()));
    }
  }

  /** A reference table copied as written, every column of its contract, typed by it. */
  private void reference(String name, ReferenceTable reference) throws SQLException {
    List<List<Object>> values = reference.rows().stream()
        .map(r -> reference.contract().columnNames().stream().map(c -> (Object) r.text(c)).toList())
        .toList();
    table(name, reference.contract(), values);
  }

  private void facts() throws SQLException {
    for (String cube : folders(CUBES)) {
      parquetView(cube, TableContract.load("output", cube), CUBES + "/" + cube, true);
    }
    for (String table : folders(QUALITY)) {
      parquetView(table, TableContract.load("output", table), QUALITY + "/" + table, false);
    }
    if (rows.containsKey("indicator_cube") && rows.containsKey("source_months")) {
      view("kpi_latest", TableContract.load("warehouse", "kpi_latest"), KPI_LATEST_SQL);
    }
    for (String staged : folders(STAGED)) {
      parquetView(DuckDbWarehouse.STAGED_PREFIX + staged, TableContract.load("staged", staged), STAGED + "/" + staged, false);
    }
    accountPersons();
    if (hasFiles(root.resolve(REJECTS), ".parquet")) {
      parquetView("rejects", TableContract.load("output", "rejects"), REJECTS, false);
    }
    runs();
    dataTests();
  }

  /**
   * A view over {@code <folder>/**}{@code /*.parquet} selecting the contract's columns in order.
   * Hive partition values (the cube's {@code month=2025-11}) stay VARCHAR: no guessing of dates.
   */
  private void parquetView(String name, TableContract contract, String folder, boolean hive)
      throws SQLException {
    String files = root.resolve(folder) + "/**/*.parquet";
    view(name, contract, "SELECT " + columnList(contract) + " FROM read_parquet(" + literal(files)
        + ", hive_partitioning = " + hive + ", hive_types_autocast = false)");
  }

  /**
   * Each account of the staged tables that name persons with its person across sources, by the cubes' own rule
   * ({@link LinkedRecords}), once the linkage and every such table are staged.
   */
  private void accountPersons() throws SQLException {
    List<String> needs = new ArrayList<>(LinkedRecords.ACCOUNTS.keySet());
    needs.add("person_links");
    if (!needs.stream().allMatch(t -> rows.containsKey(DuckDbWarehouse.STAGED_PREFIX + t))) {
      return;
    }
    view("account_persons", TableContract.load("warehouse", "account_persons"), LinkedRecords.ACCOUNTS.entrySet().stream()
        .map(t -> "SELECT DISTINCT " + literal(t.getKey()) + " AS source_table, " + identifier(t.getValue())
            + " AS account_key, person_key AS record_person_key, linked_person_key AS person_key FROM ("
            + LinkedRecords.sql(t.getKey()) + ")")
        .collect(Collectors.joining("\nUNION ALL\n")));
  }

  /** The run manifests, typed by the contract; nested parts stay JSON text. */
  private void runs() throws SQLException {
    TableContract contract = TableContract.load("warehouse", "runs");
    if (!hasFiles(root.resolve(RUNS), ".json")) {
      emptyView("runs", contract);
      return;
    }
    String columns = contract.columns().stream()
        .map(c -> literal(c.name()) + ": " + literal(Sql.type(c.type())))
        .collect(Collectors.joining(", "));
    view("runs", contract, "SELECT " + columnList(contract) + " FROM read_json("
        + literal(root.resolve(RUNS) + "/*.json") + ", format = 'auto', columns = {" + columns + "})");
  }

  /**
   * The data tests of every run, one row per run x table x test, from each manifest's
   * {@code data_tests} (keyed by this view's columns); a manifest from before runs tested their
   * tables has none and adds no row.
   */
  private void dataTests() throws SQLException {
    TableContract contract = TableContract.load("warehouse", "data_tests");
    if (!hasFiles(root.resolve(RUNS), ".json")) {
      emptyView("data_tests", contract);
      return;
    }
    String fields = contract.columns().stream().filter(c -> !c.name().equals("run_id"))
        .map(c -> identifier(c.name()) + " " + Sql.type(c.type())).collect(Collectors.joining(", "));
    String tests = "SELECT run_id, unnest(data_tests) AS t FROM read_json(" + literal(root.resolve(RUNS) + "/*.json")
        + ", format = 'auto', columns = {'run_id': 'VARCHAR', 'data_tests': " + literal("STRUCT(" + fields + ")[]") + "})";
    view("data_tests", contract, "SELECT " + contract.columnNames().stream()
        .map(c -> c.equals("run_id") ? identifier(c) : "t." + identifier(c) + " AS " + identifier(c))
        .collect(Collectors.joining(", ")) + " FROM (" + tests + ")");
  }

  /** A view with the contract's columns and no rows: before the first manifest exists, the first run builds the file. */
  private void emptyView(String name, TableContract contract) throws SQLException {
    view(name, contract, "SELECT " + contract.columns().stream()
        .map(c -> "CAST(NULL AS " + Sql.type(c.type()) + ") AS " + identifier(c.name()))
        .collect(Collectors.joining(", ")) + " WHERE false");
  }

  private void view(String name, TableContract contract, String select) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE VIEW " + identifier(name) + " AS " + select);
    }
    comment("VIEW", name, contract);
  }

  private void table(String name, TableContract contract, List<List<Object>> values) throws SQLException {
    String columns = contract.columns().stream()
        .map(c -> identifier(c.name()) + " " + Sql.type(c.type()) + (c.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", "));
    String keys = contract.keys().isEmpty() ? ""
        : ", PRIMARY KEY (" + contract.keys().stream().map(Sql::identifier).collect(Collectors.joining(", ")) + ")";
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE " + identifier(name) + " (" + columns + keys + ")");
    }
    String placeholders = contract.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + identifier(name) + " VALUES (" + placeholders + ")")) {
      for (List<Object> row : values) {
        for (int i = 0; i < row.size(); i++) {
          insert.setObject(i + 1, row.get(i));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
    comment("TABLE", name, contract);
  }

  /** COMMENT ON the object (the contract's description and where it reads from) and each column; counts its rows. */
  private void comment(String kind, String name, TableContract contract) throws SQLException {
    String description = String.join(" ", contract.description(), contract.lineage(),
        contract.path() == null ? "" : "Files: " + contract.path() + ".").strip();
    try (Statement s = connection.createStatement()) {
      s.execute("COMMENT ON " + kind + " " + identifier(name) + " IS " + literal(description));
      for (ColumnContract c : contract.columns()) {
        s.execute("COMMENT ON COLUMN " + identifier(name) + "." + identifier(c.name()) + " IS "
            + literal(c.description()));
      }
      // Counting also proves the view binds and reads: a broken view fails the build, not an analyst.
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + identifier(name))) {
        r.next();
        rows.put(name, r.getLong(1));
      }
    }
  }

  private static String columnList(TableContract contract) {
    return contract.columnNames().stream().map(Sql::identifier).collect(Collectors.joining(", "));
  }

  /**
   * The sub-folders of {@code <root>/<parent>} that hold Parquet, by name; hidden ones are writes
   * in progress or left by a dead run (the cube writer's {@code cubes/.<cube>.new}).
   */
  private List<String> folders(String parent) {
    Path dir = root.resolve(parent);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(p -> !hidden(p) && hasFiles(p, ".parquet"))
          .map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static boolean hidden(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") || name.startsWith("_");
  }

  // read_parquet and read_json fail on a glob matching nothing, so a view is made only over files that exist.
  private static boolean hasFiles(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(suffix) && !hidden(p)
          && Files.isRegularFile(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
