package vn.haiphong.bdhvs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathFolderTest {
  @Test
  void names_inAFolderOfClasses() {
    List<String> inputs = ClasspathFolder.names("schemas/input", ".json");
    assertEquals(inputs.stream().sorted().toList(), inputs);
    org.junit.jupiter.api.Assertions.assertTrue(inputs.contains("contest_visits"), inputs.toString());
  }

  /** The cluster jar carries the contracts inside: listing must work there too. */
  @Test
  void names_insideAJar(@TempDir Path tmp) throws IOException {
    Path jar = tmp.resolve("contracts.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : List.of("schemas/", "schemas/staged/", "schemas/staged/b.json", "schemas/staged/a.json",
          "schemas/staged/notes.txt")) {
        out.putNextEntry(new JarEntry(entry));
        if (!entry.endsWith("/")) {
          OutputStream body = out;
          body.write("{}".getBytes());
        }
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(List.of("a", "b"), ClasspathFolder.names(loader, "schemas/staged", ".json"));
    }
  }
}
