package vn.haiphong.bdhvs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.generate.Scale;
import vn.haiphong.bdhvs.generate.SyntheticLanding;
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.identity.PseudonymKey;
import vn.haiphong.bdhvs.landing.Landing;

/** {@code bdhvs demo}: generate a small sample and run the pipeline on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate a small synthetic sample, run the pipeline on it, print where the outputs are.",
    footer = {"", "Example:", "  bdhvs demo --dir /tmp/bdhvs-demo"})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--dir", defaultValue = "demo", description = "folder for the sample, the key and the warehouse (default ./${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--scale", defaultValue = "small", description = "small or city")
  String scale;

  @Override
  public Integer call() throws Exception {
    Path landing = dir.resolve("landing");
    Path warehouse = dir.resolve("warehouse");
    Path keyFile = dir.resolve("pseudonym.key");
    Files.createDirectories(dir);
    if (!Files.exists(keyFile)) {
      PseudonymKey.createKeyFile(keyFile);
      System.out.println("bdhvs: created a pseudonymization key in " + keyFile + " (keep it outside the warehouse)");
    }
    System.out.println("bdhvs: generating a " + scale + " sample in " + landing);
    System.out.println(SyntheticLanding.generate(landing, Scale.parse(scale), 1));
    PersonKeys keys = new PersonKeys(PseudonymKey.load(keyFile, java.util.Map.of()));
    // The sample lives in 2025: run it as the night after its last delivery, not as today.
    LocalDate runDate = Landing.scan(landing.toString(), LocalDate.of(9999, 12, 31), new Configuration(), Landing.EVERY_FILE)
        .latestDelivery().orElseThrow();
    RunCommand.run(landing.toString(), warehouse.toAbsolutePath().toString(), List.of(runDate), List.of(), keys, null, 8, false);
    System.out.println("bdhvs: outputs under " + warehouse.toAbsolutePath() + ": staged/ and cubes/ (Parquet), "
        + "rejects/, runs/ (run manifests), bdhvs.duckdb (open it with bdhvs query or duckdb -readonly), "
        + "reports/ (the monthly reports: the city's HTML, with .xlsx and .docx to edit and forward and a PDF where Chromium"
        + " is installed; each ward's and department's page, listed in reports/<month>/index.html)");
    System.out.println("bdhvs: next: bin/bdhvs query --warehouse " + warehouse + " \"SELECT * FROM kpi_latest WHERE ward_code = 'ALL'\","
        + " or the notebooks in notebooks/ (README, section Notebooks)");
    return Main.OK;
  }
}
