package vn.haiphong.bdhvs.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pipeline's jobs and their dependencies, read from {@code jobs/pipeline.json}: the local
 * runner and the Airflow DAG both read this file, so nothing lists the jobs twice.
 */
public record JobGraph(List<Node> jobs) {

  /** Every graph is checked when built: unique names, known dependencies, no cycle. */
  public JobGraph {
    jobs = List.copyOf(jobs);
    checkNamesAndDependencies(jobs);
    runOrder(jobs);
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

    public Job instantiate() {
      try {
        return (Job) Class.forName(className).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException("jobs/pipeline.json names job class " + className
            + " for job " + name + ", which is not a bdhvs Job", e);
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
