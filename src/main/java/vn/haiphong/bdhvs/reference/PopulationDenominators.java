package vn.haiphong.bdhvs.reference;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * Denominators of the rates, derived from {@code wards.csv} by {@link #derive}. The result is
 * committed as {@code reference/population_denominators.csv} so analysts can read it; a test checks
 * that the committed file is exactly what {@link #derive} produces, and {@link #main} rewrites it.
 */
public final class PopulationDenominators implements Serializable {

  /** Official city population 2025 (reference/README.md). */
  static final long CITY_POPULATION = 4_664_124L;
  static final int BASE_YEAR = 2025;
  static final List<Integer> YEARS = List.of(2025, 2026);

  // Assumed shares of the population; stated in each row's method so nobody mistakes them for counts.
  private record Ratio(String measure, String targetGroup, double share, String method) {}

  private static final List<Ratio> RATIOS = List.of(
      new Ratio("adults", "resident", 0.76, "population × 0.76 (assumed share aged 15 and over)"),
      new Ratio("public_sector_staff", "public_sector", 0.021, "population × 0.021 (assumed share of public-sector staff)"),
      new Ratio("students", "student", 0.19, "population × 0.19 (assumed share of pupils and students, primary to university)"),
      new Ratio("enterprise_workers", "enterprise_worker", 0.18,
          "population × 0.18 (assumed share working in enterprises and co-operatives)"),
      new Ratio("parents", "parent", 0.20, "population × 0.20 (assumed share of parents of pupils)"),
      new Ratio("community_tech_team", "community_tech_team", 0.004, "population × 0.004 (assumed 4 team members per 1,000 people)"),
      new Ratio("households", DimensionMember.ALL, 1 / 3.5, "population ÷ 3.5 (assumed persons per household)"));

  private final List<PopulationDenominator> rows;
  private final Map<String, PopulationDenominator> byKey;

  private PopulationDenominators(List<PopulationDenominator> rows) {
    this.rows = List.copyOf(rows);
    this.byKey = rows.stream().collect(Collectors.toMap(r -> key(r.wardCode(), r.year(), r.measure()), r -> r));
  }

  /** The committed {@code reference/population_denominators.csv}. */
  public static PopulationDenominators load() {
    return new PopulationDenominators(ReferenceTable.load("population_denominators").rows().stream()
        .map(r -> new PopulationDenominator(r.text("ward_code"), r.text("target_group"), r.integer("year"),
            r.text("measure"), r.bigint("value"), r.bool("is_estimate"), r.text("method")))
        .toList());
  }

  public List<PopulationDenominator> rows() {
    return rows;
  }

  public Optional<PopulationDenominator> find(String wardCode, int year, String measure) {
    return Optional.ofNullable(byKey.get(key(wardCode, year, measure)));
  }

  /**
   * Every ward × year × measure. Published populations are kept; the city's remainder (official
   * total minus the published ones) is shared over the wards without one in proportion to area,
   * by largest remainder so the wards add up to the official total exactly.
   */
  public static List<PopulationDenominator> derive(List<Ward> wards) {
    Map<String, Long> population = basePopulation(wards);
    List<PopulationDenominator> out = new ArrayList<>();
    for (Ward ward : wards) {
      long people = population.get(ward.code());
      for (int year : YEARS) {
        boolean published = ward.population() != null && year == BASE_YEAR;
        String method = ward.population() == null
            ? "official city total minus published ward populations, shared over wards without one by area"
            : "published by the national map portal";
        if (year != BASE_YEAR) {
          method = BASE_YEAR + " value carried forward: " + method;
        }
        out.add(new PopulationDenominator(ward.code(), DimensionMember.ALL, year, "population", people, !published, method));
        for (Ratio ratio : RATIOS) {
          out.add(new PopulationDenominator(ward.code(), ratio.targetGroup(), year, ratio.measure(),
              Math.round(people * ratio.share()), true, ratio.method()));
        }
      }
    }
    return out;
  }

  private static Map<String, Long> basePopulation(List<Ward> wards) {
    long published = wards.stream().filter(w -> w.population() != null).mapToLong(Ward::population).sum();
    List<Ward> blank = wards.stream().filter(w -> w.population() == null).toList();
    double area = blank.stream().mapToDouble(Ward::areaKm2).sum();
    long remainder = CITY_POPULATION - published;
    Map<String, Long> result = new HashMap<>();
    wards.stream().filter(w -> w.population() != null).forEach(w -> result.put(w.code(), w.population()));
    Map<String, Double> exact = new HashMap<>();
    for (Ward w : blank) {
      exact.put(w.code(), remainder * w.areaKm2() / area);
      result.put(w.code(), (long) Math.floor(exact.get(w.code())));
    }
    long left = remainder - blank.stream().mapToLong(w -> result.get(w.code())).sum();
    blank.stream()
        .sorted(Comparator.comparingDouble((Ward w) -> exact.get(w.code()) - result.get(w.code())).reversed()
            .thenComparing(Ward::code))
        .limit(left)
        .forEach(w -> result.merge(w.code(), 1L, Long::sum));
    return result;
  }

  /** The CSV text of {@code rows}, in the contract's column order. */
  static String toCsv(List<PopulationDenominator> rows) {
    StringBuilder csv = new StringBuilder(String.join(",",
        TableContract.load("reference", "population_denominators").columnNames())).append('\n');
    for (PopulationDenominator r : rows) {
      csv.append(String.join(",", r.wardCode(), r.targetGroup(), Integer.toString(r.year()), r.measure(),
          Long.toString(r.value()), Boolean.toString(r.isEstimate()), quoted(r.method()))).append('\n');
    }
    return csv.toString();
  }

  private static String quoted(String text) {
    return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static String key(String wardCode, int year, String measure) {
    return wardCode + '|' + year + '|' + measure;
  }

  /** Rewrites the committed file: {@code PopulationDenominators reference/population_denominators.csv}. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "reference/population_denominators.csv");
    Files.writeString(target, toCsv(derive(WardDirectory.load().wards())), StandardCharsets.UTF_8);
  }
}
