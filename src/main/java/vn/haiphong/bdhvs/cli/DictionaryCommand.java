package vn.haiphong.bdhvs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.dictionary.DataDictionary;
import vn.haiphong.bdhvs.errors.UserError;

/** {@code bdhvs dictionary}: the data dictionary, rendered from the contracts, catalog and job graph. */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
    description = "Print the data dictionary (Markdown): every table, column and indicator, with lineage.",
    footer = {"", "Examples:",
        "  bdhvs dictionary | less",
        "  bdhvs dictionary --out docs/data-dictionary.md",
        "", "It is rendered from schemas/, reference/indicators.csv, reference/plan_targets.csv and jobs/pipeline.json;"
            + " the same text is in bdhvs.duckdb: SELECT table_name, column_name, comment FROM duckdb_columns()."})
final class DictionaryCommand implements Callable<Integer> {
  @Option(names = "--out", description = "write the Markdown to this file instead of stdout")
  Path out;

  @Override
  public Integer call() {
    String markdown = DataDictionary.load().markdown();
    if (out == null) {
      System.out.print(markdown);
      return Main.OK;
    }
    try {
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
    }
    System.out.println("bdhvs: wrote " + out);
    return Main.OK;
  }
}
