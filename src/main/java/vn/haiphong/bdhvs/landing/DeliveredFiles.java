package vn.haiphong.bdhvs.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Opens a delivered file by its URI, under its exact name: no glob (Spark's and Hadoop's file
 * readers expand {@code [1]}), no parsing of the name as a path string (a {@code :} in it breaks
 * Hadoop's checksummed local file system). Local files through java.nio, others through Hadoop's
 * FileSystem with the session's settings; serializable, so the executors open files the same way.
 */
public final class DeliveredFiles implements Serializable {
  private final Map<String, String> hadoopSettings = new HashMap<>();

  public DeliveredFiles(Configuration hadoop) {
    hadoop.forEach(e -> hadoopSettings.put(e.getKey(), e.getValue()));
  }

  InputStream open(String uri) throws IOException {
    URI u = URI.create(uri);
    if ("file".equals(u.getScheme())) {
      return Files.newInputStream(java.nio.file.Path.of(u));
    }
    Configuration conf = new Configuration(false);
    hadoopSettings.forEach(conf::set);
    Path path = new Path(u);
    return path.getFileSystem(conf).open(path);
  }

  /** The file's bytes, or null when it holds more than {@code max}: only {@code max + 1} are read. */
  public byte[] readAtMost(String uri, long max) throws IOException {
    try (InputStream in = open(uri)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      return bytes.length > max ? null : bytes;
    }
  }
}
