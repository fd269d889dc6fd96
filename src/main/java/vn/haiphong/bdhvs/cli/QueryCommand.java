package vn.haiphong.bdhvs.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.haiphong.bdhvs.runtime.UserError;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;
import vn.haiphong.bdhvs.warehouse.QueryOutput;

/** {@code bdhvs query}: SQL over the warehouse's {@code bdhvs.duckdb}, opened read-only. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Run one SQL query on <warehouse>/bdhvs.duckdb (read-only) and print the answer.",
    footer = {"", "Examples:",
        "  bdhvs query --warehouse /data/wh \"SELECT * FROM kpi_latest WHERE ward_code = 'ALL'\"",
        "  bdhvs query --warehouse /data/wh --format csv \"SELECT * FROM dim_ward\" > wards.csv",
        "  bdhvs query --warehouse /data/wh --format arrow --out cube.arrow \"SELECT * FROM indicator_cube\"",
        "  bdhvs query --warehouse /data/wh --file notebooks/sql/kpi_progress.sql",
        "  bdhvs query --warehouse /data/wh \"SELECT table_name, comment FROM duckdb_tables() UNION ALL"
            + " SELECT view_name, comment FROM duckdb_views() WHERE NOT internal\"",
        "", "Views: indicator_cube, kpi_latest, dim_ward, dim_target_group, dim_indicator, dim_plan_target, staged_<table>,"
            + " rejects, runs, and the other cubes of the run."})
final class QueryCommand implements Callable<Integer> {
  enum Format { table, csv, arrow }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--warehouse", required = true, description = "warehouse folder holding bdhvs.duckdb")
  Path warehouse;

  @Option(names = "--format", defaultValue = "table",
      description = "table (aligned text), csv (header row, RFC 4180) or arrow (an Arrow IPC file, needs --out); default ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--out", description = "write the answer to this file instead of stdout (required for arrow)")
  Path out;

  @Option(names = "--file", description = "read the SQL from this file (e.g. notebooks/sql/kpi_progress.sql) instead of the command line")
  Path file;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "one SQL statement (or --file)")
  String sql;

  @Override
  public Integer call() {
    if (format == Format.arrow && out == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format arrow needs --out FILE");
    }
    if ((sql == null) == (file == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give one SQL statement, either on the command line (in quotes) or with --file FILE");
    }
    if (file != null) {
      try {
        sql = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError("cannot read the SQL file " + file + " (" + e.getClass().getSimpleName()
            + "); expected a text file holding one SQL statement", e);
      }
    }
    DuckDbWarehouse duck = new DuckDbWarehouse(warehouse);
    try (Connection c = duck.openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      long rows = switch (format) {
        case arrow -> QueryOutput.arrow(rs, out);
        case csv -> text(w -> QueryOutput.csv(rs, w));
        case table -> text(w -> QueryOutput.table(rs, w));
      };
      if (out != null) {
        System.err.println("bdhvs: wrote " + rows + " rows to " + out);
      }
      return Main.OK;
    } catch (SQLException e) {
      throw new UserError("DuckDB could not run the query on " + duck.file() + ": " + oneParagraph(e.getMessage()), e);
    } catch (IOException | UncheckedIOException e) {
      throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private interface TextOutput {
    long write(PrintWriter out) throws SQLException;
  }

  private long text(TextOutput output) throws SQLException {
    if (out == null) {
      PrintWriter stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      long rows = output.write(stdout);
      stdout.flush();
      return rows;
    }
    try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      return output.write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // DuckDB's messages span lines (the SQL and a caret under the error); the CLI prints one paragraph.
  static String oneParagraph(String message) {
    return message == null ? "" : message.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.chars().allMatch(ch -> ch == '^'))
        .collect(Collectors.joining(" "));
  }
}
