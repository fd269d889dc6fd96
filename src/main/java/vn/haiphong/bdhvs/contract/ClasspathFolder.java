package vn.haiphong.bdhvs.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one folder on the classpath, from {@code target/classes} or from inside the jar:
 * how the contracts are enumerated without a second list of them.
 */
final class ClasspathFolder {
  private ClasspathFolder() {}

  /** Names (without {@code suffix}) of the files in {@code folder} ending in {@code suffix}, sorted. */
  static List<String> names(String folder, String suffix) {
    return names(ClasspathFolder.class.getClassLoader(), folder, suffix);
  }

  static List<String> names(ClassLoader loader, String folder, String suffix) {
    URL url = loader.getResource(folder);
    if (url == null) {
      throw new IllegalStateException("no folder " + folder + " on the classpath");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        return list(jarFileSystem(uri).provider().getPath(uri), suffix);
      }
      return list(Path.of(uri), suffix);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad classpath URL " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + " on the classpath", e);
    }
  }

  private static List<String> list(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
    }
  }

  // A jar's file system is opened once per JVM and then stays open for later listings.
  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    }
  }
}
