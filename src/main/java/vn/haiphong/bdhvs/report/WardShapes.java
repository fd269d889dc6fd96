package vn.haiphong.bdhvs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The 114 unit boundaries of {@code reference/hai_phong_units_2025.geojson} (WGS 84 MultiPolygons). */
record WardShapes(List<Shape> shapes) {
  static final String RESOURCE = "reference/hai_phong_units_2025.geojson";

  /** One unit: code, name and its polygons as rings of [lon, lat] points. */
  record Shape(String code, String name, List<List<double[]>> rings) {}

  static WardShapes load() {
    try (InputStream in = WardShapes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
      }
      List<Shape> shapes = new ArrayList<>();
      for (JsonNode feature : new ObjectMapper().readTree(in).path("features")) {
        List<List<double[]>> rings = new ArrayList<>();
        for (JsonNode polygon : feature.path("geometry").path("coordinates")) {
          for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>();
            ring.forEach(p -> points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
            rings.add(points);
          }
        }
        JsonNode props = feature.path("properties");
        shapes.add(new Shape(props.path("code").asText(), props.path("name").asText(), rings));
      }
      return new WardShapes(List.copyOf(shapes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A projection fitting {@code these} shapes into the box. */
  static MapProjection fit(List<Shape> these, double width, double height, double margin) {
    double[] box = bounds(these);
    return new MapProjection(box[0], box[1], box[2], box[3], width, height, margin);
  }

  /**
   * The shapes far from every other (Bạch Long Vĩ lies some 100 km out at sea): drawn in an inset
   * so the mainland keeps its size. A shape is remote when its bounding box, grown by
   * {@code gapDegrees}, meets no other shape's.
   */
  List<Shape> remote(double gapDegrees) {
    List<Shape> remote = new ArrayList<>();
    for (Shape s : shapes) {
      double[] a = bounds(List.of(s));
      boolean alone = shapes.stream().filter(o -> o != s).map(o -> bounds(List.of(o)))
          .noneMatch(b -> a[0] - gapDegrees <= b[2] && b[0] <= a[2] + gapDegrees
              && a[1] - gapDegrees <= b[3] && b[1] <= a[3] + gapDegrees);
      if (alone) {
        remote.add(s);
      }
    }
    return remote;
  }

  // west, south, east, north
  private static double[] bounds(List<Shape> these) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Shape s : these) {
      for (List<double[]> ring : s.rings()) {
        for (double[] p : ring) {
          box[0] = Math.min(box[0], p[0]);
          box[1] = Math.min(box[1], p[1]);
          box[2] = Math.max(box[2], p[0]);
          box[3] = Math.max(box[3], p[1]);
        }
      }
    }
    return box;
  }
}
