package vn.haiphong.bdhvs.cli;

import vn.haiphong.bdhvs.ConsoleCapture;
import vn.haiphong.bdhvs.SharedSpark;

/** Runs one bdhvs command line in this JVM, capturing what it prints. */
final class Cli {
  private Cli() {}

  /** The exit code and what was printed, of one command line. */
  record Result(int code, String out, String err) {}

  static Result execute(String... args) {
    SharedSpark.ofThisThread(); // a run in this JVM works in this test thread's session
    ConsoleCapture.Captured<Integer> run = ConsoleCapture.of(() -> Main.execute(args));
    return new Result(run.value(), run.out(), run.err());
  }
}
