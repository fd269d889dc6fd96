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

  /** A projection fitting every shape into the box. */
  MapProjection fit(double width, double height, double margin) {
    double west = Double.MAX_VALUE, south = Double.MAX_VALUE, east = -Double.MAX_VALUE, north = -Double.MAX_VALUE;
    for (Shape s : shapes) {
      for (List<double[]> ring : s.rings()) {
        for (double[] p : ring) {
          west = Math.min(west, p[0]);
          east = Math.max(east, p[0]);
          south = Math.min(south, p[1]);
          north = Math.max(north, p[1]);
        }
      }
    }
    return new MapProjection(west, south, east, north, width, height, margin);
  }
}
