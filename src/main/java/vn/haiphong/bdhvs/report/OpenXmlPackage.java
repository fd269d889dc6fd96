package vn.haiphong.bdhvs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A .docx or .xlsx as what it is, a zip of XML parts (Office Open XML, ECMA-376): the report's few
 * parts written as text, in one pass. Apache POI built the same files through its XML object model
 * at some 20 ms a file, two thirds of a night's report writing for the 2 × 128 ward and department
 * files; the tests still read every file back with POI and validate its parts against the schema.
 */
final class OpenXmlPackage {
  static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  // Fixed entry times: the same report gives the same bytes.
  private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L);

  private final Map<String, String> parts = new LinkedHashMap<>();
  private final Map<String, String> contentTypes = new LinkedHashMap<>();

  /** A package with core properties naming its title and bdhvs as its creator. */
  OpenXmlPackage(String title) {
    part("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + text(title) + "</dc:title>"
            + "<dc:creator>bdhvs</dc:creator></cp:coreProperties>");
  }

  /** The part the file opens with (e.g. {@code word/document.xml}), the package's relationships pointing at it. */
  void mainPart(String name, String contentType, String xml) {
    relationshipsPart("_rels/.rels", Map.of(
        "rId1", new String[] {RELATIONSHIPS + "/officeDocument", name},
        "rId2", new String[] {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml"}));
    part(name, contentType, xml);
  }

  /** A part with its content type, the XML declaration added. */
  void part(String name, String contentType, String xml) {
    parts.put(name, xml);
    contentTypes.put("/" + name, contentType);
  }

  /** The relationships part {@code name} (e.g. {@code xl/_rels/workbook.xml.rels}): id → {type, target}. */
  void relationshipsPart(String name, Map<String, String[]> byId) {
    parts.put(name, relationships(byId));
  }

  void write(Path target) throws IOException {
    StringBuilder types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
    contentTypes.forEach((name, type) -> types.append("<Override PartName=\"").append(name)
        .append("\" ContentType=\"").append(type).append("\"/>"));
    types.append("</Types>");
    try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
      entry(zip, "[Content_Types].xml", types.toString());
      for (Map.Entry<String, String> part : parts.entrySet()) {
        entry(zip, part.getKey(), part.getValue());
      }
    }
  }

  private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(EPOCH);
    zip.putNextEntry(entry);
    zip.write((XML + xml).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String relationships(Map<String, String[]> byId) {
    StringBuilder xml = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    new java.util.TreeMap<>(byId).forEach((id, typeAndTarget) -> xml.append("<Relationship Id=\"").append(id)
        .append("\" Type=\"").append(typeAndTarget[0]).append("\" Target=\"").append(typeAndTarget[1]).append("\"/>"));
    return xml.append("</Relationships>").toString();
  }

  /**
   * {@code value} as XML text or attribute value: markup characters escaped, and the characters XML 1.0
   * cannot hold at all (control characters but tab and line ends, lone surrogates) left out, since a
   * file holding one does not open. Text from outside (a file name a unit chose) reaches the reports.
   */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if ((c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c)) || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
