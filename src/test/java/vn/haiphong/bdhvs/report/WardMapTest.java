package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

class WardMapTest {
  private static final WardShapes SHAPES = WardShapes.load();

  @Test
  void shapes_areTheHundredFourteenUnitsOfTheDirectory() {
    Set<String> codes = SHAPES.shapes().stream().map(WardShapes.Shape::code).collect(Collectors.toSet());
    assertEquals(WardDirectory.load().wards().stream().map(Ward::code).collect(Collectors.toSet()), codes);
  }

  @Test
  void svg_drawsEveryPointInsideTheBox() {
    String svg = WardMap.svg(SHAPES, Map.of(), "percent", "Tỷ lệ");
    Matcher d = Pattern.compile(" d=\"([^\"]+)\"").matcher(svg);
    Matcher inset = Pattern.compile("translate\\((\\d+) (\\d+)\\)").matcher(svg);
    assertTrue(inset.find(), "the remote island has its inset");
    int insetX = Integer.parseInt(inset.group(1));
    int insetY = Integer.parseInt(inset.group(2));
    int paths = 0;
    while (d.find()) {
      boolean inInset = d.start() > inset.start();
      double[] xy = Pattern.compile("[MLZ]").splitAsStream(d.group(1)).filter(t -> !t.isBlank())
          .flatMap(t -> Stream.of(t.trim().split(" "))).mapToDouble(Double::parseDouble).toArray();
      for (int i = 0; i < xy.length; i += 2) {
        double x = xy[i] + (inInset ? insetX : 0);
        double y = xy[i + 1] + (inInset ? insetY : 0);
        assertTrue(x >= 0 && x <= WardMap.WIDTH && y >= 0 && y <= WardMap.HEIGHT, x + "," + y);
      }
      paths++;
    }
    assertEquals(114, paths);
  }

  @Test
  void remote_isBachLongViAlone() {
    assertEquals(List.of("Bạch Long Vĩ"), SHAPES.remote(0.1).stream().map(WardShapes.Shape::name).toList());
  }

  @Test
  void projection_fitsTheShapesToTheMarginOnTheLimitingSide() {
    MapProjection p = WardShapes.fit(SHAPES.shapes(), 400, 400, 10);
    double west = Double.MAX_VALUE, north = Double.MAX_VALUE;
    for (WardShapes.Shape s : SHAPES.shapes()) {
      for (List<double[]> ring : s.rings()) {
        for (double[] pt : ring) {
          west = Math.min(west, p.x(pt[0]));
          north = Math.min(north, p.y(pt[1]));
        }
      }
    }
    assertTrue(Math.abs(west - 10) < 1e-6 || Math.abs(north - 10) < 1e-6, west + " " + north);
    assertTrue(west >= 10 - 1e-6 && north >= 10 - 1e-6);
  }

  @Test
  void projection_northIsUpAndLongitudesShrinkByTheCosineOfLatitude() {
    MapProjection p = new MapProjection(106, 20, 108, 21, 1000, 1000, 0);
    assertTrue(p.y(21) < p.y(20));
    double xPerDegree = p.x(107) - p.x(106);
    double yPerDegree = p.y(20) - p.y(21);
    assertEquals(Math.cos(Math.toRadians(20.5)), xPerDegree / yPerDegree, 1e-9);
  }

  @Test
  void svg_hasOnePathPerUnitWithItsNameAndValue() {
    String svg = WardMap.svg(SHAPES, Map.of("10507", 85.25), "percent", "Tỷ lệ");
    assertEquals(114, Pattern.compile("<path data-ward=\"\\d{5}\"").matcher(svg).results().count());
    assertTrue(svg.contains("<path data-ward=\"10507\" fill=\"" + WardMap.COLORS[4] + "\""), "85% is the top class");
    assertTrue(svg.contains("<title>Thành Đông: 85,25%</title>"), svg.substring(0, 300));
    assertTrue(svg.contains("fill=\"" + WardMap.NO_DATA + "\""), "wards without a value are grey");
  }

  @Test
  void color_classesByBreaksAndGreyForMissing() {
    double[] breaks = WardMap.breaks(List.of(0.0, 100.0), "count");
    assertEquals(List.of(20.0, 40.0, 60.0, 80.0), List.of(breaks[0], breaks[1], breaks[2], breaks[3]));
    assertEquals(WardMap.COLORS[0], WardMap.color(19.9, breaks));
    assertEquals(WardMap.COLORS[1], WardMap.color(20.0, breaks));
    assertEquals(WardMap.COLORS[4], WardMap.color(100.0, breaks));
    assertEquals(WardMap.NO_DATA, WardMap.color(null, breaks));
  }
}
