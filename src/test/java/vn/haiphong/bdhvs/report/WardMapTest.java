package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
  void projection_putsEveryPointInsideTheBoxWithItsMargin() {
    MapProjection p = SHAPES.fit(WardMap.WIDTH, WardMap.HEIGHT, 12);
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (WardShapes.Shape s : SHAPES.shapes()) {
      for (List<double[]> ring : s.rings()) {
        for (double[] pt : ring) {
          minX = Math.min(minX, p.x(pt[0]));
          maxX = Math.max(maxX, p.x(pt[0]));
          minY = Math.min(minY, p.y(pt[1]));
          maxY = Math.max(maxY, p.y(pt[1]));
        }
      }
    }
    assertTrue(minX >= 11.99 && maxX <= WardMap.WIDTH - 11.99, minX + ".." + maxX);
    assertTrue(minY >= 11.99 && maxY <= WardMap.HEIGHT - 11.99, minY + ".." + maxY);
    // The limiting side touches its margins: the map uses the box.
    assertTrue(Math.abs(minX - 12) < 0.01 || Math.abs(minY - 12) < 0.01);
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
