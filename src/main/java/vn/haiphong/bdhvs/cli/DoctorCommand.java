package vn.haiphong.bdhvs.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.doctor.Checkup;
import vn.haiphong.bdhvs.doctor.Finding;

/** {@code bdhvs doctor}: is this machine ready to run bdhvs, and if not, what to change. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "Check Java, memory, the folders bdhvs writes, the pseudonym key and the landing's layout;"
        + " say in plain words what to fix. Exit 0 when ready, 2 when something must be fixed.",
    footer = {"", "Examples:",
        "  bdhvs doctor",
        "  bdhvs doctor --landing demo/landing --warehouse demo/warehouse --key-file demo/pseudonym.key",
        "  BDHVS_PSEUDONYM_KEY=... bdhvs doctor --landing /data/landing --warehouse /data/wh"})
final class DoctorCommand implements Callable<Integer> {
  @Option(names = "--landing", description = "landing root to check (its layout, by file name; nothing is read)")
  String landing;

  @Option(names = "--warehouse", description = "warehouse root to check (writable, free space, bdhvs.duckdb opens)")
  String warehouse;

  @Option(names = "--key-file", description = "key file to check (else BDHVS_PSEUDONYM_KEY, when set)")
  Path keyFile;

  @Override
  public Integer call() {
    List<Finding> findings = Checkup.all(landing, warehouse, keyFile, System.getenv());
    for (Finding f : findings) {
      System.out.printf("%-5s %s: %s%n", f.level(), f.subject(), f.message());
    }
    long fix = findings.stream().filter(f -> f.level() == Finding.Level.fix).count();
    long warn = findings.stream().filter(f -> f.level() == Finding.Level.warn).count();
    if (landing == null || warehouse == null) {
      System.out.println("(give --landing and --warehouse to check those folders too)");
    }
    System.out.println(fix > 0 ? "bdhvs doctor: " + fix + " thing(s) to fix before bdhvs can run, " + warn + " warning(s)"
        : "bdhvs doctor: ready" + (warn > 0 ? ", with " + warn + " warning(s)" : ""));
    return fix > 0 ? Main.BAD_INPUT : Main.OK;
  }
}
