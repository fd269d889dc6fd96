package vn.haiphong.bdhvs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.generate.Scale;
import vn.haiphong.bdhvs.generate.SyntheticLanding;

/** {@code bdhvs generate}: synthetic exports in the exact landing formats, quirks included. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write realistic synthetic exports (SPEC §2 layout and formats) into a landing folder.",
    footer = {"", "Example:", "  bdhvs generate --out /tmp/landing --scale city --seed 1"})
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "landing folder to write")
  Path out;

  @Option(names = "--scale", defaultValue = "small",
      description = "small or city (city reproduces the seed report's November 2025 figures)")
  String scale;

  @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same bytes")
  long seed;

  @Override
  public Integer call() {
    System.out.println(SyntheticLanding.generate(out, Scale.parse(scale), seed));
    return Main.OK;
  }
}
