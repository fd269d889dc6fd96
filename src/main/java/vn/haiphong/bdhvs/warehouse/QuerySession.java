package vn.haiphong.bdhvs.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.errors.UserError;

/**
 * An analyst's session on {@code bdhvs.duckdb} ({@code bdhvs query}): it reads and writes nothing
 * but what the views read. Read-only alone is not enough: {@code COPY … TO}, {@code EXPORT
 * DATABASE}, {@code ATTACH} and {@code INSTALL} write files, whatever the database's mode. So each
 * call runs exactly one SELECT (DuckDB's own parser decides, not a pattern over the text), and the
 * session has DuckDB's file access limited to the folders the views read, before its configuration
 * is locked: no statement can widen it again.
 */
public final class QuerySession implements AutoCloseable {
  /** What a call may be: the statements DuckDB parses as a SELECT. */
  static final String ALLOWED = "one SELECT (WITH, FROM, VALUES, DESCRIBE, SHOW and SUMMARIZE are SELECTs too)";

  private final Connection connection;
  private final Path file;

  private QuerySession(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Locks {@code connection}, read-only on {@code file} of the warehouse at {@code root}, into a query session. */
  static QuerySession lock(Connection connection, Path root, Path file) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET allowed_directories = [" + viewFolders(root).stream().map(Sql::literal)
          .collect(Collectors.joining(", ")) + "]");
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new QuerySession(connection, file);
  }

  /**
   * The folders the views read, by the path given and by its real path: the views carry the
   * absolute path the run saw, which may be either. A trailing slash, so that {@code cubes-old/} is not {@code cubes/}.
   */
  private static Set<String> viewFolders(Path root) {
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(root);
    try {
      roots.add(root.toRealPath());
    } catch (IOException e) {
      // A root that cannot be resolved has no file to open either; the path as given is enough.
    }
    Set<String> folders = new LinkedHashSet<>();
    for (Path r : roots) {
      for (String folder : WarehouseObjects.VIEW_FOLDERS) {
        folders.add(r.resolve(folder) + "/");
      }
    }
    return folders;
  }

  /**
   * Runs {@code sql} if it is one SELECT; anything else — another statement, several, none — is a
   * {@link UserError} that names it, and nothing runs. A syntax error is DuckDB's, as an {@link SQLException}.
   */
  public ResultSet select(String sql) throws SQLException {
    JsonNode parsed = parse(sql);
    if (parsed.path("error").asBoolean()) {
      if (!"not implemented".equals(parsed.path("error_type").asText())) {
        throw new SQLException(parsed.path("error_message").asText());
      }
      // DuckDB serializes only SELECTs: every other statement is "not implemented".
      throw new UserError("bdhvs query runs " + ALLOWED + " on the read-only " + file + "; " + firstWord(sql)
          + " is refused: a query writes no file, attaches, installs or loads nothing and changes no setting."
          + " To save an answer, use --format csv or arrow with --out FILE");
    }
    int statements = parsed.path("statements").size();
    if (statements != 1) {
      throw new UserError("bdhvs query runs one statement per call; " + (statements == 0 ? "the SQL holds none"
          : "the SQL holds " + statements + " (separated by ';')") + ": expected " + ALLOWED);
    }
    Statement s = connection.createStatement();
    s.closeOnCompletion();
    return s.executeQuery(sql);
  }

  // json_serialize_sql is DuckDB's parser: the statements, or why it cannot serialize them.
  private JsonNode parse(String sql) throws SQLException {
    // A literal: the function takes no parameter.
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT json_serialize_sql(" + Sql.literal(sql) + ")")) {
      r.next();
      return new ObjectMapper().readTree(r.getString(1));
    } catch (IOException e) {
      throw new SQLException("DuckDB's parser answered something other than JSON: " + e.getMessage(), e);
    }
  }

  /** The statement's first word (COPY, ATTACH…), for the message only: what runs is DuckDB's parser's to say. */
  static String firstWord(String sql) {
    String rest = sql.strip();
    while (rest.startsWith("--") || rest.startsWith("/*")) {
      int end = rest.startsWith("--") ? rest.indexOf('\n') : rest.indexOf("*/");
      rest = end < 0 ? "" : rest.substring(end + (rest.startsWith("--") ? 1 : 2)).strip();
    }
    String word = rest.split("[^A-Za-z_]", 2)[0].toUpperCase(Locale.ROOT);
    return word.isEmpty() ? "this statement" : word;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
