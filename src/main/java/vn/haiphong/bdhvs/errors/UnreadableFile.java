package vn.haiphong.bdhvs.errors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file given by the user could not be read, in words: the exception's class or bare path is no reason. */
public final class UnreadableFile {
  private UnreadableFile() {}

  public static String reason(Path file, IOException e) {
    if (Files.isDirectory(file)) {
      return "it is a folder, not a file";
    }
    if (e instanceof NoSuchFileException) {
      return Files.isDirectory(file.toAbsolutePath().getParent()) ? "no such file"
          : "no such file (its folder " + file.toAbsolutePath().getParent() + " does not exist either)";
    }
    if (e instanceof AccessDeniedException || (Files.exists(file) && !Files.isReadable(file))) {
      return "permission denied: this user may not read it";
    }
    String message = e.getMessage();
    return message == null || message.equals(file.toString()) ? "an input/output error" : message;
  }
}
