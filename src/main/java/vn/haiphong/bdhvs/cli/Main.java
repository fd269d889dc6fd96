package vn.haiphong.bdhvs.cli;

import java.io.PrintWriter;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.haiphong.bdhvs.errors.UserError;

/** {@code bdhvs}: one launcher over one jar (docs/specification.md §7). Exit codes: 0 success, 2 bad usage or input, 1 anything else. */
@Command(name = "bdhvs", mixinStandardHelpOptions = true, version = "bdhvs 0.1.0",
    description = "The \"Bình dân học vụ số\" indicator warehouse of Hải Phòng.",
    subcommands = {RunCommand.class, GenerateCommand.class, QueryCommand.class, ReportCommand.class, DemoCommand.class,
        AirflowCommand.class, BenchCommand.class, DoctorCommand.class, DictionaryCommand.class, ApproveCommand.class},
    footer = {"", "Examples:",
        "  bdhvs demo",
        "  bdhvs generate --out /tmp/landing --scale small --seed 7",
        "  bdhvs run --landing /tmp/landing --warehouse /tmp/wh --date 2025-12-10 --key-file key.txt",
        "  bdhvs query --warehouse /tmp/wh \"SELECT * FROM kpi_latest WHERE ward_code = 'ALL'\"",
        "  bdhvs report --warehouse /tmp/wh --month 2025-11",
        "  bdhvs approve --landing /tmp/landing --unit UB-10507 --period 2025-11 --decision approved",
        "  bdhvs airflow trigger --url http://airflow:8080 --date 2025-12-10 --wait",
        "  bdhvs doctor --landing /tmp/landing --warehouse /tmp/wh --key-file key.txt",
        "  bdhvs dictionary --out docs/data-dictionary.md"})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_INPUT = 2;
  static final int HELP_WIDTH = 120;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code, printing errors as plain messages. */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      UserError user = userError(e);
      if (user != null) {
        err.println("bdhvs: " + inWords(user.getMessage()));
        return BAD_INPUT;
      }
      err.println("bdhvs: failed: " + describe(e));
      if (System.getenv("BDHVS_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("(set BDHVS_DEBUG=1 for the stack trace)");
      }
      return FAILED;
    });
    cli.setParameterExceptionHandler((e, parsedArgs) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("bdhvs: " + e.getMessage());
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return BAD_INPUT;
    });
    return cli.execute(args);
  }

  /** The command line with every command, as a user meets it: help width and option types. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    // Wide enough that the examples of --help stay one line each, ready to copy.
    cli.setUsageHelpWidth(HELP_WIDTH);
    OptionTypes.register(cli);
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required: run, generate, query, report, approve, demo, doctor, dictionary, airflow or bench-cube");
  }

  /** What failed, from the messages of the exception and its causes; the stack trace is for BDHVS_DEBUG. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return inWords(t.getMessage());
      }
    }
    return "an internal error without a message";
  }

  // A library's message may quote another exception ("java.io.IOException: ..."): the words stay, the class goes.
  private static String inWords(String message) {
    return JAVA_CLASS.matcher(message).replaceAll("").strip();
  }

  private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

  private static UserError userError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserError u) {
        return u;
      }
    }
    return null;
  }
}
