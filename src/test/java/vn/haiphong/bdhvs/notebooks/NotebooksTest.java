package vn.haiphong.bdhvs.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed notebooks: valid, outputs cleared, and every query they run a file of notebooks/sql/ that some notebook uses. */
class NotebooksTest {
  private static final Pattern QUERY = Pattern.compile("query\\(\"([a-z0-9_]+)\"\\)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void notebooks_areThere() {
    assertTrue(NotebookFiles.notebooks().size() >= 6, "the six notebooks of the analyst surface");
  }

  @Test
  void everyNotebook_isValidNbformat4WithOutputsCleared() throws IOException {
    for (Path notebook : NotebookFiles.notebooks()) {
      JsonNode nb = JSON.readTree(notebook.toFile());
      assertEquals(4, nb.path("nbformat").asInt(), notebook + ": nbformat 4");
      assertTrue(nb.path("cells").isArray() && nb.path("cells").size() > 0, notebook + ": has cells");
      assertEquals("python3", nb.at("/metadata/kernelspec/name").asText(), notebook + ": Python kernel");
      int i = 0;
      Set<String> ids = new TreeSet<>();
      for (JsonNode cell : nb.get("cells")) {
        String where = notebook + " cell " + i++;
        // nbformat 4.5 wants a unique id per cell; Jupyter warns without and will refuse.
        assertTrue(ids.add(cell.path("id").asText()) && !cell.path("id").asText().isEmpty(), where + ": a unique id");
        assertTrue(Set.of("code", "markdown").contains(cell.path("cell_type").asText()), where);
        assertTrue(cell.path("source").isArray(), where + ": source is a list of lines");
        if (cell.path("cell_type").asText().equals("code")) {
          assertEquals(0, cell.path("outputs").size(), where + ": outputs must be cleared before committing");
          assertTrue(cell.path("execution_count").isNull(), where + ": execution count must be cleared");
        }
      }
    }
  }

  @Test
  void queries_areSqlFilesAndEverySqlFileIsUsed() throws IOException {
    Set<String> files = NotebookFiles.sqlFiles().stream().map(NotebookFiles::sqlName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> used = new TreeSet<>();
    List<String> missing = new ArrayList<>();
    for (Path notebook : NotebookFiles.notebooks()) {
      Set<String> queries = queries(notebook);
      assertFalse(queries.isEmpty(), notebook + " runs no query of notebooks/sql/");
      queries.stream().filter(q -> !files.contains(q)).forEach(q -> missing.add(notebook.getFileName() + ": " + q));
      used.addAll(queries);
    }
    // The notebooks' shared module runs one itself: the default month (latest_closed_month()).
    Matcher shared = QUERY.matcher(Files.readString(NotebookFiles.NOTEBOOKS.resolve("bdhvs_notebook.py")));
    while (shared.find()) {
      assertTrue(files.contains(shared.group(1)), "bdhvs_notebook.py runs " + shared.group(1) + " without a file");
      used.add(shared.group(1));
    }
    assertEquals(List.of(), missing, "queries without a file notebooks/sql/<name>.sql");
    assertEquals(files, used, "every file of notebooks/sql/ is run by some notebook");
  }

  @Test
  void notebooks_runNoSqlOfTheirOwn() throws IOException {
    Pattern ownSql = Pattern.compile("duckdb|\\.sql\\(|\\.execute\\(");
    for (Path notebook : NotebookFiles.notebooks()) {
      for (String code : codeCells(notebook)) {
        assertFalse(ownSql.matcher(code).find(),
            notebook + " runs SQL of its own; put it in notebooks/sql/ and call query(\"name\"): " + code);
      }
    }
  }

  /**
   * Officials read the charts: the words of titles, axes, legends and notes on a chart are
   * Vietnamese, and no code (an indicator's, a basis) is a label. Checked on the lines that label a
   * chart, with style arguments (colour, position), subscripts and f-string fields left out.
   */
  @Test
  void chartWords_areVietnamese() throws IOException {
    Pattern labelling = Pattern.compile("set_title\\(|set_xlabel\\(|set_ylabel\\(|set_yticklabels\\(|\\.text\\(|label=|legend\\(title=");
    Pattern style = Pattern.compile("\\b(?!label=|title=)\\w+=\"[^\"]*\"|\\[\"[^\"]*\"\\]|\\{[^}]*\\}");
    Pattern english = Pattern.compile("\\b(target|percent|measured|reported|persons|learners|stations|completion|completed|progress"
        + "|wards?|funnel|registered|attempted|passed|speeds?|operator|month|points|above|outside|grey|residents|per|by|of|the)\\b",
        Pattern.CASE_INSENSITIVE);
    Pattern codeAsLabel = Pattern.compile("label=(code|basis)\\b|set_yticklabels\\([^)]*_code");
    List<String> found = new ArrayList<>();
    for (Path notebook : NotebookFiles.notebooks()) {
      for (String code : codeCells(notebook)) {
        for (String line : code.split("\n")) {
          if (!labelling.matcher(line).find() || line.strip().startsWith("#")) {
            continue;
          }
          if (codeAsLabel.matcher(line).find()) {
            found.add(notebook.getFileName() + ": a code as a label: " + line.strip());
          }
          Matcher text = Pattern.compile("\"([^\"]*)\"").matcher(style.matcher(line).replaceAll(""));
          while (text.find()) {
            Matcher word = english.matcher(text.group(1));
            if (word.find()) {
              found.add(notebook.getFileName() + ": '" + word.group() + "' in " + line.strip());
            }
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  /**
   * Analysts read the notebooks in Vietnamese too: their prose (markdown cells), what they print, the
   * errors they raise and the comments that tell what to change. Code spans ({@code `...`}), f-string
   * fields and identifiers stay as they are.
   */
  @Test
  void prose_printsAndErrors_areVietnamese() throws IOException {
    Pattern english = Pattern.compile("\\b(the|and|of|with|from|which|when|that|is|are|for|per|each|every|this|run|runs"
        + "|month|wards?|flagged|shown|have|no|yet|first|set)\\b", Pattern.CASE_INSENSITIVE);
    Pattern codeSpan = Pattern.compile("`[^`]*`|\\{[^}]*\\}");
    Pattern message = Pattern.compile("(?:print|Error)\\((.*)|^\\s*#(.*)|^\\s*f?\"(.*)", Pattern.MULTILINE);
    List<String> texts = new ArrayList<>();
    for (Path notebook : NotebookFiles.notebooks()) {
      for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
        StringBuilder text = new StringBuilder();
        cell.get("source").forEach(line -> text.append(line.asText()));
        if (cell.path("cell_type").asText().equals("markdown")) {
          texts.add(notebook.getFileName() + ": " + text);
        } else {
          messages(message, text.toString(), notebook.getFileName().toString(), true, texts);
        }
      }
    }
    // The helper module's comments are for who maintains it; its errors reach the analyst.
    messages(message, Files.readString(NotebookFiles.NOTEBOOKS.resolve("bdhvs_notebook.py")), "bdhvs_notebook.py", false, texts);
    List<String> found = new ArrayList<>();
    for (String text : texts) {
      Matcher word = english.matcher(codeSpan.matcher(text).replaceAll(""));
      if (word.find()) {
        found.add("'" + word.group() + "' in " + text.strip());
      }
    }
    assertEquals(List.of(), found);
  }

  /**
   * The strings a piece of Python prints or raises, and with {@code comments} its comments (docstrings
   * left out: they are the code's); subscripts such as {@code kpi["month"]} are code, not words.
   */
  private static void messages(Pattern message, String code, String where, boolean comments, List<String> texts) {
    Matcher m = message.matcher(code);
    while (m.find()) {
      String found = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      if (m.group(2) != null && !comments) {
        continue;
      }
      if (m.group(1) != null || m.group(2) != null || isContinuedMessage(code, m.start())) {
        Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(found.replaceAll("\\[[^\\]]*\\]", ""));
        StringBuilder strings = new StringBuilder(m.group(2) != null ? found : "");
        while (literal.find()) {
          strings.append(' ').append(literal.group(1));
        }
        texts.add(where + ": " + strings);
      }
    }
  }

  // A string literal alone on its line continues the message of a print or raise above it.
  private static boolean isContinuedMessage(String code, int at) {
    String before = code.substring(0, at);
    int previous = before.lastIndexOf('\n', before.length() - 2);
    String line = before.substring(previous + 1);
    return line.contains("print(") || line.contains("Error(") || line.strip().startsWith("f\"") || line.strip().startsWith("\"");
  }

  private static Set<String> queries(Path notebook) throws IOException {
    Set<String> names = new TreeSet<>();
    for (String code : codeCells(notebook)) {
      Matcher m = QUERY.matcher(code);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static List<String> codeCells(Path notebook) throws IOException {
    List<String> cells = new ArrayList<>();
    for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        StringBuilder code = new StringBuilder();
        cell.get("source").forEach(line -> code.append(line.asText()));
        cells.add(code.toString());
      }
    }
    return cells;
  }
}
