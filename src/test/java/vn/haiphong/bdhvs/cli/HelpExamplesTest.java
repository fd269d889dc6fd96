package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.haiphong.bdhvs.cli.Cli.Result;

/** Every command's {@code --help} shows examples, and every example is a command line bdhvs accepts. */
class HelpExamplesTest {

  @Test
  void everyCommand_hasExamplesThatParse() {
    List<CommandLine> commands = new ArrayList<>(List.of(Main.commandLine()));
    commands.addAll(Main.commandLine().getSubcommands().values());
    for (CommandLine command : commands) {
      String name = command.getCommandSpec().qualifiedName();
      List<String> examples = Arrays.stream(command.getCommandSpec().usageMessage().footer())
          .map(String::strip).filter(l -> l.matches("([A-Z_]+=\\S+ )*bdhvs .*")).toList();
      assertFalse(examples.isEmpty(), name + " --help shows no example");
      for (String example : examples) {
        List<String> args = arguments(example);
        try {
          Main.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
          throw new AssertionError(name + " --help example does not parse: " + example + " (" + e.getMessage() + ")", e);
        }
      }
    }
  }

  @Test
  void help_exits0AndPrintsExamplesUnbroken() {
    Result r = Cli.execute("run", "--help");
    assertEquals(Main.OK, r.code());
    assertTrue(r.out().contains("Example"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith("BDHVS_PSEUDONYM_KEY=... bdhvs run --landing")
        && l.strip().endsWith("--date 2025-12-10")), "an example on one line, to copy: " + r.out());
  }

  /** The words of an example after {@code bdhvs}, as a shell splits them, up to a pipe or redirection. */
  static List<String> arguments(String example) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char ch : (example + " ").toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
        inWord = true;
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(ch);
        inWord = true;
      }
    }
    int start = words.indexOf("bdhvs") + 1;
    int end = start;
    while (end < words.size() && !Set.of("|", ">", ">>").contains(words.get(end))) {
      end++;
    }
    return words.subList(start, end);
  }
}
