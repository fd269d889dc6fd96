package vn.haiphong.bdhvs.generate;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import vn.haiphong.bdhvs.codes.RejectReason;

/**
 * contest/&lt;day&gt;/submissions.csv and visits.csv. Three submission files are broken on purpose
 * (legacy code page, empty, missing a required column); visit counters exist for the contest's days
 * only (07/10–30/11/2025), are re-delivered for a few days (the last ones after the contest closed)
 * and only the latest delivery counts, summing exactly to {@link Scale#contestVisits}.
 */
final class ContestActivity {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
  /** Whole-file rejects among the submission files. */
  private static final LocalDate NOT_UTF8_DAY = LocalDate.of(2025, 11, 9);
  private static final LocalDate EMPTY_DAY = LocalDate.of(2025, 11, 16);
  private static final LocalDate MISSING_COLUMN_DAY = LocalDate.of(2025, 11, 23);
  /** Day counted → the later folders that re-deliver it, in delivery order; the last one wins. */
  private static final TreeMap<LocalDate, List<LocalDate>> CORRECTIONS = new TreeMap<>();

  static {
    CORRECTIONS.put(LocalDate.of(2025, 11, 10), List.of(LocalDate.of(2025, 11, 12)));
    CORRECTIONS.put(LocalDate.of(2025, 11, 18), List.of(LocalDate.of(2025, 11, 20)));
    CORRECTIONS.put(LocalDate.of(2025, 11, 19), List.of(LocalDate.of(2025, 11, 20)));
    CORRECTIONS.put(LocalDate.of(2025, 11, 29), List.of(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 3)));
    CORRECTIONS.put(LocalDate.of(2025, 11, 30), List.of(LocalDate.of(2025, 12, 1)));
  }

  private final LandingFolder landing;
  private final SplittableRandom random;
  private final Scale scale;

  ContestActivity(LandingFolder landing, SplittableRandom random, Scale scale) {
    this.landing = landing;
    this.random = random;
    this.scale = scale;
  }

  void generate(List<String> candidates, List<LocalDateTime> registeredAt) {
    submissions(candidates, registeredAt);
    visits();
  }

  private void submissions(List<String> candidates, List<LocalDateTime> registeredAt) {
    TreeMap<LocalDate, List<List<String>>> byDay = new TreeMap<>();
    TreeMap<LocalDate, List<LocalDateTime>> times = new TreeMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (random.nextInt(4) != 0) {
        continue; // about a quarter of registrants sit the test
      }
      LocalDateTime from = registeredAt.get(i);
      int attempts = 1 + random.nextInt(3);
      for (int a = 1; a <= attempts; a++) {
        LocalDateTime at = from.plusMinutes(10 + random.nextInt(60 * 24 * 6));
        if (at.isAfter(DeliveryCalendar.CONTEST_ENDS)) {
          break;
        }
        int correct = 10 + random.nextInt(21);
        // Contest weeks count from the opening day.
        int week = (int) java.time.temporal.ChronoUnit.DAYS.between(DeliveryCalendar.CONTEST_OPENS, at.toLocalDate()) / 7 + 1;
        List<String> values = new Contracts.Row("contest_submissions")
            .set("candidate_id", candidates.get(i))
            .set("week", Integer.toString(week))
            .set("attempt", Integer.toString(a))
            .set("score", (correct / 3) + "," + (correct % 3 == 0 ? "0" : "5"))
            .set("correct_answers", Integer.toString(correct))
            .set("duration_s", Integer.toString(120 + random.nextInt(1500)))
            .set("submitted_at", SECONDS.format(at))
            .values();
        byDay.computeIfAbsent(at.toLocalDate(), d -> new ArrayList<>()).add(values);
        times.computeIfAbsent(at.toLocalDate(), d -> new ArrayList<>()).add(at);
      }
    }
    for (var day : byDay.entrySet()) {
      String path = "contest/" + day.getKey() + "/submissions.csv";
      // Rows of a day in submission order.
      List<List<String>> rows = day.getValue();
      List<LocalDateTime> at = times.get(day.getKey());
      Integer[] order = new Integer[rows.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, java.util.Comparator.comparing(at::get));
      if (day.getKey().equals(EMPTY_DAY)) {
        landing.ledger.file("contest", "contest_submissions", path).fileReject = RejectReason.FILE_EMPTY;
        landing.write(path, new byte[0]);
        landing.quirks.quirk("file_empty");
        continue;
      }
      CsvDialect dialect = landing.quirks.nextDialect();
      if (day.getKey().equals(NOT_UTF8_DAY)) {
        dialect = dialect.withCharset(Charset.forName("windows-1258"));
        landing.quirks.quirk("file_windows_1258");
      } else if (day.getKey().equals(MISSING_COLUMN_DAY)) {
        dialect = dialect.withoutColumn("submitted_at");
        landing.quirks.quirk("file_missing_required_column");
      }
      LandingFolder.CsvFile file = landing.csv("contest_submissions", path, dialect);
      for (Integer i : order) {
        file.row(rows.get(i));
      }
      if (day.getKey().equals(NOT_UTF8_DAY)) {
        file.entry.fileReject = RejectReason.FILE_NOT_UTF8;
      } else if (day.getKey().equals(MISSING_COLUMN_DAY)) {
        file.entry.fileReject = RejectReason.FILE_MISSING_COLUMNS;
      }
      file.close();
    }
  }

  private void visits() {
    List<LocalDate> days = DeliveryCalendar.contestDays();
    // Winning values: random shape (a launch peak around Ngày Chuyển đổi số quốc gia 10/10, a busier
    // last week), then scaled so that they sum exactly to the contest's total.
    long[] weights = new long[days.size()];
    long weightSum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 700 + random.nextInt(600) + (i < 7 ? 800 : 0) + (i >= weights.length - 7 ? 400 : 0);
      weightSum += weights[i];
    }
    TreeMap<LocalDate, Long> winning = new TreeMap<>();
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      long v = i == weights.length - 1 ? scale.contestVisits - assigned : scale.contestVisits * weights[i] / weightSum;
      winning.put(days.get(i), v);
      assigned += v;
    }
    // Each folder: its own day (first delivery, wrong if corrected later) plus corrections it carries.
    TreeMap<LocalDate, List<long[]>> folders = new TreeMap<>();
    for (LocalDate d : days) {
      List<LocalDate> later = CORRECTIONS.getOrDefault(d, List.of());
      for (int k = 0; k <= later.size(); k++) {
        boolean last = k == later.size();
        LocalDate folder = k == 0 ? d : later.get(k - 1);
        long value = last ? winning.get(d) : winning.get(d) * (80 + random.nextInt(15)) / 100;
        folders.computeIfAbsent(folder, f -> new ArrayList<>()).add(new long[] {d.toEpochDay(), value});
      }
    }
    int fileIndex = 0;
    for (var folder : folders.entrySet()) {
      LandingFolder.CsvFile file = landing.csv("contest_visits", "contest/" + folder.getKey() + "/visits.csv");
      boolean dots = fileIndex++ % 2 == 0;
      for (long[] dayValue : folder.getValue()) {
        LocalDate day = LocalDate.ofEpochDay(dayValue[0]);
        long users = dayValue[1] * (25 + random.nextInt(10)) / 100;
        file.row(new Contracts.Row("contest_visits")
            .set("date", ContestRegistrations.DATE.format(day))
            .set("visits", dots ? Numbers.thousandsDots(dayValue[1]) : Long.toString(dayValue[1]))
            .set("unique_users", dots ? Numbers.thousandsDots(users) : Long.toString(users))
            .values());
        if (!day.equals(folder.getKey())) {
          landing.quirks.quirk("visits_day_redelivered");
          file.entry.replaces = (file.entry.replaces == null ? "" : file.entry.replaces + "; ")
              + "visits of " + day;
        }
      }
      landing.quirks.quirk(dots ? "count_thousands_dots_files" : "count_plain_files");
      file.close();
    }
    for (int month : new int[] {10, 11}) {
      landing.ledger.fact("contest_visits_2025_" + month, winning.entrySet().stream()
          .filter(e -> e.getKey().getMonthValue() == month).mapToLong(java.util.Map.Entry::getValue).sum());
    }
    landing.ledger.fact("contest_visits_total", winning.values().stream().mapToLong(Long::longValue).sum());
  }
}
