package vn.haiphong.bdhvs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.generate.Scale;
import vn.haiphong.bdhvs.generate.SyntheticLanding;

/** {@code bdhvs generate}: synthetic exports in the exact landing formats, quirks included. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write realistic synthetic exports (docs/specification.md §2 layout and formats) into a landing folder.",
    footer = {"", "Example:", "  bdhvs generate --out /tmp/landing --scale city --seed 1"})
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "landing folder to write")
  Path out;

  @Option(names = "--scale", defaultValue = "small",
      description = "small, quarter-city, city, 4x-city or national (city reproduces the seed report's November 2025"
          + " figures; the others scale its persons and activity: national = 8 cities, the most this machine runs)")
  String scale;

  @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same bytes")
  long seed;

  @Override
  public Integer call() {
    Scale chosen;
    try {
      chosen = Scale.parse(scale);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    try {
      System.out.println(SyntheticLanding.generate(out, chosen, seed));
    } catch (OutOfMemoryError e) {
      // The generator holds every person of the sample in memory (about 11 GiB at national scale).
      throw new UserError("generating the " + chosen.label() + " sample ran out of memory with a heap of "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; " + out + " is incomplete. Run it again with a bigger"
          + " heap, e.g. BDHVS_JAVA_OPTS=-Xmx14g (national needs about 11 GiB, 4x-city about 4)", e);
    }
    return Main.OK;
  }
}
