package vn.haiphong.bdhvs.job;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.haiphong.bdhvs.errors.UserError;

/**
 * The pipeline's jobs and their dependencies, and the night it runs, read from
 * {@code jobs/pipeline.json}: the local runner, the Airflow DAG and the Airflow client all read
 * this file, so nothing lists the jobs or the schedule twice.
 */
public record JobGraph(List<Node> jobs, Schedule schedule) {

  /** Every graph is checked when built: unique names, known dependencies, no cycle. */
  public JobGraph {
    jobs = List.copyOf(jobs);
    checkNamesAndDependencies(jobs);
    runOrder(jobs);
  }

  /** A graph built in code, without a schedule. */
  public JobGraph(List<Node> jobs) {
    this(jobs, null);
  }

  /**
   * One job: its name, the class that runs it, the jobs it waits for, and whether it runs after
   * the run's outputs are published — a job that reads the warehouse as its readers see it (the
   * DuckDB file's views, the reports) rather than the tables of the run in progress.
   */
  public record Node(String name, String className, List<String> dependsOn, String description, boolean afterPublish) {
    public Node {
      dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A job that writes into the run's pending outputs. */
    public Node(String name, String className, List<String> dependsOn, String description) {
      this(name, className, dependsOn, description, false);
    }

    public Job<?> instantiate() {
      try {
        return (Job<?>) Class.forName(className).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException("jobs/pipeline.json names job class " + className
            + " for job " + name + ", which is not a bdhvs Job", e);
      }
    }
  }

  /**
   * When Airflow runs the graph: the DAG id, a daily cron {@code "M H * * *"} in {@code timezone},
   * and the first night. Only daily schedules are accepted: the Airflow client maps run dates to
   * the DAG's logical dates by the time of day.
   */
  public record Schedule(String dagId, String cron, String timezone, String startDate) {
    public Schedule {
      if (dagId == null || dagId.isBlank()) {
        throw new IllegalStateException("jobs/pipeline.json: schedule.dagId is missing");
      }
      timeOfDay(cron);
      zone(timezone);
    }

    /** The local time of day of the nightly run. */
    public LocalTime timeOfDay() {
      return timeOfDay(cron);
    }

    public ZoneId zone() {
      return zone(timezone);
    }

    private static LocalTime timeOfDay(String cron) {
      String[] f = cron == null ? new String[0] : cron.trim().split("\\s+");
      if (f.length != 5 || !f[2].equals("*") || !f[3].equals("*") || !f[4].equals("*")
          || !f[0].matches("\\d{1,2}") || !f[1].matches("\\d{1,2}")) {
        throw new IllegalStateException("jobs/pipeline.json: schedule.cron '" + cron
            + "' is not a daily cron 'M H * * *' (minute and hour as numbers)");
      }
      try {
        return LocalTime.of(Integer.parseInt(f[1]), Integer.parseInt(f[0]));
      } catch (DateTimeException e) {
        throw new IllegalStateException("jobs/pipeline.json: schedule.cron '" + cron + "': " + e.getMessage(), e);
      }
    }

    private static ZoneId zone(String timezone) {
      try {
        return ZoneId.of(timezone);
      } catch (DateTimeException | NullPointerException e) {
        throw new IllegalStateException("jobs/pipeline.json: schedule.timezone '" + timezone + "' is not a time zone", e);
      }
    }
  }

  public static JobGraph load() {
    String resource = "jobs/pipeline.json";
    try (InputStream in = JobGraph.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      ObjectMapper json = new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
      return json.readValue(in, JobGraph.class);
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      throw new IllegalStateException(resource + ": " + e.getCause().getMessage(), e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The jobs in an order that runs every job after the jobs it depends on. */
  public List<Node> inRunOrder() {
    return runOrder(jobs);
  }

  /**
   * The named jobs alone, in run order: a partial run ({@code bdhvs run --job}, one Airflow task
   * per job). A name the graph does not have is the user's mistake.
   */
  public List<Node> only(Collection<String> names) {
    Set<String> known = new HashSet<>();
    jobs.forEach(n -> known.add(n.name()));
    for (String name : names) {
      if (!known.contains(name)) {
        throw new UserError("--job " + name + ": jobs/pipeline.json has no such job; its jobs are "
            + String.join(", ", inRunOrder().stream().map(Node::name).toList()));
      }
    }
    return inRunOrder().stream().filter(n -> names.contains(n.name())).toList();
  }

  private static List<Node> runOrder(List<Node> jobs) {
    List<Node> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    while (ordered.size() < jobs.size()) {
      boolean progressed = false;
      for (Node n : jobs) {
        if (!done.contains(n.name()) && done.containsAll(n.dependsOn())) {
          ordered.add(n);
          done.add(n.name());
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("the job graph has a dependency cycle among "
            + String.join(", ", jobs.stream().map(Node::name).filter(name -> !done.contains(name)).toList()));
      }
    }
    return ordered;
  }

  private static void checkNamesAndDependencies(List<Node> jobs) {
    Set<String> names = new HashSet<>();
    for (Node n : jobs) {
      if (!names.add(n.name())) {
        throw new IllegalStateException("the job graph names job " + n.name() + " twice");
      }
    }
    Set<String> afterPublish = new HashSet<>();
    jobs.stream().filter(Node::afterPublish).forEach(n -> afterPublish.add(n.name()));
    for (Node n : jobs) {
      for (String d : n.dependsOn()) {
        if (!names.contains(d)) {
          throw new IllegalStateException("job " + n.name() + " depends on unknown job " + d);
        }
        // Its outputs would be published before the run's, by the publication that job waits for.
        if (afterPublish.contains(d) && !n.afterPublish()) {
          throw new IllegalStateException("job " + n.name() + " depends on " + d
              + ", which runs after the run is published: mark " + n.name() + " afterPublish too");
        }
      }
    }
  }
}
