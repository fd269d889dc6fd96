package vn.haiphong.bdhvs.landing;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What lies under a landing root, tooling folders left out: each file with its URI, size and
 * modification time (an instant to the millisecond: what Hadoop's file systems keep, and what a copy
 * that keeps times, {@code cp -p}, keeps on every local file system), and
 * each entry that is not a readable regular file with what it is. A local landing is walked
 * without following links to folders (a link back into the landing would be walked forever; such
 * a link is listed, not followed) and without opening anything (a named pipe would block the run).
 */
final class LandingEntries {
  private LandingEntries() {}

  /** One entry; {@code notRegular} says what it is when it is no file to read (null for a file). */
  record Entry(String relative, String uri, long bytes, String modified, String notRegular) {}

  /** A landing on the local disk, in name order. */
  static List<Entry> local(Path root) throws IOException {
    List<Entry> out = new ArrayList<>();
    walk(root, root, out);
    return out;
  }

  /** A landing on HDFS or an object store, which have no pipes or followed links: Hadoop's own listing. */
  static List<Entry> hadoop(FileSystem fs, org.apache.hadoop.fs.Path root) throws IOException {
    String prefix = root.toUri().getPath();
    prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    List<Entry> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
    while (files.hasNext()) {
      FileStatus status = files.next();
      String relative = status.getPath().toUri().getPath().substring(prefix.length());
      if (!Landing.isTooling(relative)) {
        out.add(new Entry(relative, status.getPath().toUri().toString(), status.getLen(),
            modified(status.getModificationTime()), null));
      }
    }
    return out;
  }

  private static String modified(long epochMillis) {
    return java.time.Instant.ofEpochMilli(epochMillis).toString();
  }

  private static void walk(Path root, Path folder, List<Entry> out) throws IOException {
    List<Path> children;
    try (Stream<Path> listing = Files.list(folder)) {
      children = listing.sorted().toList();
    }
    for (Path p : children) {
      String relative = root.relativize(p).toString();
      if (Landing.isTooling(relative)) {
        continue;
      }
      BasicFileAttributes own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (own.isDirectory()) {
        walk(root, p, out);
        continue;
      }
      String uri = p.toUri().toString();
      String notRegular = own.isSymbolicLink() ? linkProblem(p) : null;
      BasicFileAttributes target = notRegular == null ? Files.readAttributes(p, BasicFileAttributes.class) : null;
      if (notRegular == null && !target.isRegularFile()) {
        notRegular = special(p);
      } else if (notRegular == null && !Files.isReadable(p)) {
        notRegular = "a file bdhvs is not allowed to read";
      }
      out.add(notRegular == null ? new Entry(relative, uri, target.size(), modified(target.lastModifiedTime().toMillis()), null)
          : new Entry(relative, uri, 0, null, notRegular));
    }
  }

  /** Why a link cannot be read as a file, or null when it leads to one. */
  private static String linkProblem(Path link) {
    try {
      return Files.readAttributes(link, BasicFileAttributes.class).isDirectory()
          ? "a link to a folder (links to folders are not followed: one leading back into the landing would never end)"
          : null;
    } catch (NoSuchFileException e) {
      return "a link to a missing file";
    } catch (FileSystemException e) {
      return "a link that cannot be followed (" + (e.getReason() == null ? "a loop of links" : e.getReason()) + ")";
    } catch (IOException e) {
      return "a link that cannot be followed (" + e.getMessage() + ")";
    }
  }

  /** What a special file is, from its Unix mode, without opening it. */
  private static String special(Path p) {
    try {
      int type = (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a named pipe (FIFO)";
        case 0140000 -> "a socket";
        case 0020000, 0060000 -> "a device";
        default -> "not a regular file";
      };
    } catch (IOException | UnsupportedOperationException e) {
      return "not a regular file (a named pipe, a socket or a device)";
    }
  }
}
