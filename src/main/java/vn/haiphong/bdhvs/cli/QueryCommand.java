package vn.haiphong.bdhvs.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.haiphong.bdhvs.errors.UnreadableFile;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;
import vn.haiphong.bdhvs.warehouse.QueryOutput;
import vn.haiphong.bdhvs.warehouse.QuerySession;

/** {@code bdhvs query}: SQL over the warehouse's {@code bdhvs.duckdb}, opened read-only. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Run one SQL query on <warehouse>/bdhvs.duckdb (read-only) and print the answer.",
        "One SELECT per call (WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE too): COPY, EXPORT, ATTACH, INSTALL, LOAD,"
            + " SET, PRAGMA and other statements are refused, and the query reads no file but the warehouse's own."},
    footer = {"", "Examples:",
        "  bdhvs query --warehouse /data/wh \"SELECT * FROM kpi_latest WHERE ward_code = 'ALL'\"",
        "  bdhvs query --warehouse /data/wh --format csv \"SELECT * FROM dim_ward\" > wards.csv",
        "  bdhvs query --warehouse /data/wh --format csv --excel-safe --out rejects.csv \"SELECT * FROM rejects\"",
        "  bdhvs query --warehouse /data/wh --format arrow --out cube.arrow \"SELECT * FROM indicator_cube\"",
        "  bdhvs query --warehouse /data/wh --file notebooks/sql/kpi_progress.sql",
        "  bdhvs query --warehouse /data/wh \"SELECT table_name, comment FROM duckdb_tables() UNION ALL"
            + " SELECT view_name, comment FROM duckdb_views() WHERE NOT internal\"",
        "", "Views: indicator_cube, kpi_latest (the latest closed month: every source complete, named in its month column),"
            + " source_months, dim_ward, dim_target_group, dim_indicator, dim_plan, dim_plan_target, staged_<table>,"
            + " rejects, runs, and the other cubes of the run."})
final class QueryCommand implements Callable<Integer> {
  enum Format { table, csv, arrow }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--warehouse", required = true, description = "warehouse folder holding bdhvs.duckdb")
  Path warehouse;

  @Option(names = "--format", defaultValue = "table",
      description = "table (aligned text), csv (header row, RFC 4180) or arrow (an Arrow IPC file, needs --out); default ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--excel-safe", description = "with --format csv: a text cell starting with =, +, -, @, a tab or"
      + " a carriage return gets a leading ' so that Excel shows it as text instead of running it as a formula"
      + " (OWASP \"CSV injection\"); numbers stay numbers")
  boolean excelSafe;

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
        throw new UserError("cannot read the SQL file " + file + " (" + UnreadableFile.reason(file, e)
            + "); expected a text file holding one SQL statement", e);
      }
    }
    if (excelSafe && format != Format.csv) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--excel-safe goes with --format csv");
    }
    DuckDbWarehouse duck = new DuckDbWarehouse(warehouse);
    try (QuerySession session = duck.openQuerySession();
        ResultSet rs = session.select(sql)) {
      long rows = switch (format) {
        case arrow -> QueryOutput.arrow(rs, out);
        case csv -> text(w -> QueryOutput.csv(rs, w, excelSafe));
        case table -> text(w -> QueryOutput.table(rs, w));
      };
      if (out != null) {
        System.err.println("bdhvs: wrote " + rows + " rows to " + out);
      }
      return Main.OK;
    } catch (SQLException e) {
      String message = oneParagraph(e.getMessage());
      throw new UserError("DuckDB could not run the query on " + duck.file() + ": " + message
          + (message.startsWith("Permission Error") ? " (a query reads only the warehouse's views and tables)" : ""), e);
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

  // DuckDB's messages span lines (the SQL and a caret under the error); the CLI prints one paragraph,
  // without the driver's sentence about its own state around an error met while the answer streams.
  static String oneParagraph(String message) {
    return message == null ? "" : message.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.chars().allMatch(ch -> ch == '^'))
        .collect(Collectors.joining(" "))
        .replace("Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result Error: ", "");
  }
}
