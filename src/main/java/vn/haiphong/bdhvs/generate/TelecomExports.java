package vn.haiphong.bdhvs.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * Operators' monthly coverage files and the speed-test aggregates. The same 114 wards at every
 * scale; station growth, new fibre and the test-weighted mean speeds hit the seed report's figures
 * exactly by construction. Stocks only grow from September to November: stations, fibre,
 * subscriptions and each operator's 4G and 5G population coverage in each ward.
 */
final class TelecomExports {

  static final List<String> OPERATORS = List.of("viettel", "vnpt", "mobifone");
  private static final List<String> OPERATOR_NAMES = List.of("Viettel", "VNPT", "MobiFone");
  /** The operator whose October file is delivered again, corrected, with November's. */
  static final String REDELIVERED_OPERATOR = "vnpt";
  static final int STATIONS_ADDED = 680;
  static final int STATIONS_5G_ADDED = 611;
  /** New fibre from September to November, in tenths of a km: "more than 100 km" in the report. */
  static final int FIBRE_ADDED_TENTHS_KM = 1_128;
  private static final int MONTHS = 3;

  /** Test-weighted mean speeds in kbps: download, upload; per month and network type. */
  record SpeedTarget(YearMonth month, String networkType, int downKbps, int upKbps) {
  }

  static final List<SpeedTarget> SPEED_TARGETS = List.of(
      new SpeedTarget(YearMonth.of(2025, 9), "fixed", 252_000, 197_610),
      new SpeedTarget(YearMonth.of(2025, 9), "mobile", 77_830, 23_570),
      new SpeedTarget(YearMonth.of(2025, 10), "fixed", 281_450, 214_020),
      new SpeedTarget(YearMonth.of(2025, 10), "mobile", 93_120, 29_380),
      new SpeedTarget(YearMonth.of(2025, 11), "fixed", 313_000, 233_410),
      new SpeedTarget(YearMonth.of(2025, 11), "mobile", 111_390, 35_440));

  private static final DateTimeFormatter MONTH_VN = DateTimeFormatter.ofPattern("MM/yyyy");

  private final LandingFolder landing;
  private final SplittableRandom random;
  private final List<Ward> wards;
  /** Per month × operator × ward: 4G and 5G coverage (tenths of a percent), fibre (tenths of a km), subscriptions. */
  private int[][][] coverage4g;
  private int[][][] coverage5g;
  private int[][][] fibre;
  private int[][][] subscriptions;

  TelecomExports(LandingFolder landing, SplittableRandom random, WardDirectory directory) {
    this.landing = landing;
    this.random = random;
    this.wards = directory.wards();
  }

  void generate() {
    int n = wards.size();
    int ops = OPERATORS.size();
    // Stock in September, then the growth to November spread cell by cell (operator × ward).
    int[][] sep4g = new int[ops][n];
    int[][] sep5g = new int[ops][n];
    int[][] add4g = new int[ops][n];
    int[][] add5g = new int[ops][n];
    for (int o = 0; o < ops; o++) {
      for (int w = 0; w < n; w++) {
        sep4g[o][w] = 4 + random.nextInt(36);
        sep5g[o][w] = random.nextInt(4);
      }
    }
    spread(add4g, STATIONS_ADDED - STATIONS_5G_ADDED);
    spread(add5g, STATIONS_5G_ADDED);
    boolean[] weakCoverage = new boolean[n];
    int weak = 0;
    for (int w = 0; w < n; w++) {
      // Islands and a few remote communes start under 99 % 4G coverage with every operator.
      weakCoverage[w] = "dac_khu".equals(wards.get(w).unitType()) || random.nextInt(20) == 0;
      weak += weakCoverage[w] ? 1 : 0;
    }
    growNetworks(weakCoverage);
    long[] total4g = new long[3];
    long[] total5g = new long[3];
    for (int o = 0; o < ops; o++) {
      for (int m = 0; m < 3; m++) {
        YearMonth month = DeliveryCalendar.TELECOM_MONTHS.get(m);
        String path = "telecom/" + month + "/operator-" + OPERATORS.get(o) + ".csv";
        LandingFolder.CsvFile file = landing.csv("telecom_operator", path);
        boolean dots = (o + m) % 2 == 0;
        writeMonth(file, o, month, m, sep4g, sep5g, add4g, add5g, dots, false);
        if (m == 2 && OPERATORS.get(o).equals(REDELIVERED_OPERATOR)) {
          // November's delivery carries October again, corrected: only these rows count for October.
          writeMonth(file, o, month.minusMonths(1), 1, sep4g, sep5g, add4g, add5g, dots, true);
          file.entry.replaces = "telecom/" + month.minusMonths(1) + "/operator-" + REDELIVERED_OPERATOR
              + ".csv (Tháng " + month.minusMonths(1).format(MONTH_VN) + ")";
          landing.quirks.quirk("telecom_operator_month_redelivered");
        }
        file.close();
      }
      for (int w = 0; w < n; w++) {
        total4g[0] += sep4g[o][w];
        total5g[0] += sep5g[o][w];
        total4g[1] += sep4g[o][w] + october(add4g[o][w], o, w, true);
        total5g[1] += sep5g[o][w] + october(add5g[o][w], o, w, true);
        total4g[2] += sep4g[o][w] + add4g[o][w];
        total5g[2] += sep5g[o][w] + add5g[o][w];
      }
    }
    ExpectedLedger ledger = landing.ledger;
    for (int m = 0; m < 3; m++) {
      String key = DeliveryCalendar.TELECOM_MONTHS.get(m).toString().replace('-', '_');
      ledger.fact("bts_4g_" + key, total4g[m]);
      ledger.fact("bts_5g_" + key, total5g[m]);
    }
    ledger.fact("bts_added_2025_11_vs_2025_09", (total4g[2] + total5g[2]) - (total4g[0] + total5g[0]));
    ledger.fact("bts_5g_added_2025_11_vs_2025_09", total5g[2] - total5g[0]);
    ledger.fact("wards_4g_weak_in_2025_09", weak);
    for (int m = 0; m < MONTHS; m++) {
      String key = DeliveryCalendar.TELECOM_MONTHS.get(m).toString().replace('-', '_');
      ledger.fact("wards_4g_coverage_at_least_99_" + key, wardsCovered(m));
      ledger.fact("fibre_km_" + key, tenths(fibre[m]));
    }
    ledger.fact("fibre_km_added_2025_11_vs_2025_09", tenths(fibre[2]).subtract(tenths(fibre[0])));
    for (YearMonth month : DeliveryCalendar.TELECOM_MONTHS) {
      writeSpeedtest(month);
    }
  }

  /**
   * September's coverage, fibre and subscriptions per operator × ward, then two months of growth:
   * weak wards gain up to 2 points of 4G coverage a month (most reach 99 %), the remote island
   * Bạch Long Vĩ stays below 99 %, and the new fibre is spread 0.1 km at a time (October holds
   * about half of it).
   */
  private void growNetworks(boolean[] weakCoverage) {
    int ops = OPERATORS.size();
    int n = wards.size();
    coverage4g = new int[MONTHS][ops][n];
    coverage5g = new int[MONTHS][ops][n];
    fibre = new int[MONTHS][ops][n];
    subscriptions = new int[MONTHS][ops][n];
    int[][] newFibre = new int[ops][n];
    spread(newFibre, FIBRE_ADDED_TENTHS_KM);
    for (int o = 0; o < ops; o++) {
      for (int w = 0; w < n; w++) {
        boolean remoteIsland = wards.get(w).name().equals("Bạch Long Vĩ");
        int ceiling4g = remoteIsland ? 985 : 1000;
        coverage4g[0][o][w] = weakCoverage[w] ? 930 + random.nextInt(59) : 990 + random.nextInt(11);
        coverage5g[0][o][w] = 200 + random.nextInt(700);
        fibre[0][o][w] = 200 + random.nextInt(1800);
        subscriptions[0][o][w] = 1_500 + random.nextInt(30_000);
        for (int m = 1; m < MONTHS; m++) {
          coverage4g[m][o][w] = Math.min(ceiling4g, coverage4g[m - 1][o][w] + random.nextInt(weakCoverage[w] ? 21 : 4));
          coverage5g[m][o][w] = Math.min(995, coverage5g[m - 1][o][w] + 20 + random.nextInt(40));
          subscriptions[m][o][w] = subscriptions[m - 1][o][w] + random.nextInt(200);
        }
        fibre[1][o][w] = fibre[0][o][w] + newFibre[o][w] / 2;
        fibre[2][o][w] = fibre[0][o][w] + newFibre[o][w];
      }
    }
  }

  /** Wards where some operator covers at least 99 % of the population with 4G. */
  private int wardsCovered(int month) {
    int covered = 0;
    for (int w = 0; w < wards.size(); w++) {
      int ward = w;
      covered += java.util.stream.IntStream.range(0, OPERATORS.size()).anyMatch(o -> coverage4g[month][o][ward] >= 990) ? 1 : 0;
    }
    return covered;
  }

  private static BigDecimal tenths(int[][] cells) {
    long sum = 0;
    for (int[] row : cells) {
      for (int v : row) {
        sum += v;
      }
    }
    return BigDecimal.valueOf(sum, 1);
  }

  /** Adds {@code count} single stations to random cells. */
  private void spread(int[][] cells, int count) {
    for (int i = 0; i < count; i++) {
      cells[random.nextInt(cells.length)][random.nextInt(cells[0].length)]++;
    }
  }

  /** October's stock: part of the growth; the first delivery of the re-delivered operator missed some. */
  private static int october(int added, int operator, int ward, boolean corrected) {
    int part = added / 2 + (ward % 2 == 0 ? added % 2 : 0);
    boolean redelivered = OPERATORS.get(operator).equals(REDELIVERED_OPERATOR);
    return redelivered && !corrected && ward % 5 == 0 ? Math.max(0, part - 1) : part;
  }

  private void writeMonth(LandingFolder.CsvFile file, int o, YearMonth month, int m, int[][] sep4g,
      int[][] sep5g, int[][] add4g, int[][] add5g, boolean dots, boolean corrected) {
    for (int w = 0; w < wards.size(); w++) {
      Ward ward = wards.get(w);
      int bts4g = sep4g[o][w] + switch (m) {
        case 0 -> 0;
        case 1 -> october(add4g[o][w], o, w, corrected);
        default -> add4g[o][w];
      };
      int bts5g = sep5g[o][w] + switch (m) {
        case 0 -> 0;
        case 1 -> october(add5g[o][w], o, w, corrected);
        default -> add5g[o][w];
      };
      int subs = subscriptions[m][o][w];
      file.row(new Contracts.Row("telecom_operator")
          .set("ward_code", ward.code())
          .set("ward_name", w % 9 == 4 ? Spellings.nfd(ward.name()) : ward.name())
          .set("month", month.format(MONTH_VN))
          .set("operator", OPERATOR_NAMES.get(o))
          .set("bts_4g", Integer.toString(bts4g))
          .set("bts_5g", Integer.toString(bts5g))
          .set("coverage_4g_pct", tenths(coverage4g[m][o][w], dots))
          .set("coverage_5g_pct", tenths(coverage5g[m][o][w], dots))
          .set("fiber_km", tenths(fibre[m][o][w], dots))
          .set("fixed_broadband_subscriptions", dots ? Numbers.thousandsDots(subs) : Integer.toString(subs))
          .values());
    }
    landing.quirks.quirk(dots ? "decimal_comma_files" : "decimal_point_files");
  }

  private void writeSpeedtest(YearMonth month) {
    LandingFolder.CsvFile file = landing.csv("telecom_speedtest", "telecom/" + month + "/speedtest.csv");
    boolean comma = month.getMonthValue() != 10;
    for (SpeedTarget target : SPEED_TARGETS) {
      if (!target.month().equals(month)) {
        continue;
      }
      // Wards in pairs with equal test counts and opposite deviations (in tenths of kbps): the
      // test-weighted mean is then exactly the target.
      List<Ward> shuffled = new ArrayList<>(wards);
      Collections.shuffle(shuffled, new Random(random.nextLong()));
      for (int i = 0; i + 1 < shuffled.size(); i += 2) {
        int tests = 40 + random.nextInt(2_500);
        int dDown = random.nextInt(target.downKbps() * 3 / 10 * 10);
        int dUp = random.nextInt(target.upKbps() * 3 / 10 * 10);
        for (int side = 0; side < 2; side++) {
          int sign = side == 0 ? 1 : -1;
          file.row(new Contracts.Row("telecom_speedtest")
              .set("ward_code", shuffled.get(i + side).code())
              .set("month", month.toString())
              .set("network_type", target.networkType())
              .set("avg_d_kbps", tenths(target.downKbps() * 10L + sign * dDown, comma))
              .set("avg_u_kbps", tenths(target.upKbps() * 10L + sign * dUp, comma))
              .set("avg_lat_ms", tenths(80 + random.nextInt(400), comma))
              .set("tests", Integer.toString(tests))
              .set("devices", Integer.toString(Math.max(1, tests * (3 + random.nextInt(6)) / 10)))
              .values());
        }
      }
      if (shuffled.size() % 2 == 1) {
        throw new IllegalStateException("speed pairing needs an even number of wards");
      }
      String key = (target.networkType() + "_" + month).replace('-', '_');
      landing.ledger.fact(key + "_down_mbps", mbps(target.downKbps()));
      landing.ledger.fact(key + "_up_mbps", mbps(target.upKbps()));
    }
    landing.quirks.quirk(comma ? "decimal_comma_files" : "decimal_point_files");
    file.close();
  }

  private static BigDecimal mbps(int kbps) {
    return BigDecimal.valueOf(kbps).divide(BigDecimal.valueOf(1000)).setScale(2, RoundingMode.HALF_UP);
  }

  private static String tenths(long tenths, boolean comma) {
    return (tenths / 10) + (comma ? "," : ".") + (tenths % 10);
  }

}
