package vn.haiphong.bdhvs.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Airflow REST API on 127.0.0.1, in this JVM: v2 as Airflow 3 serves it, or v1 as Airflow 2
 * does, with the request checks, response bodies and error bodies of Airflow's published OpenAPI
 * specifications (v2-rest-api-generated.yaml and the simple auth manager's /auth/token; v1.yaml with
 * RFC 7807 problem details). It records every request. A run goes through its states, one per read.
 */
public final class FakeAirflow implements AutoCloseable {
  public static final String USER = "bdhvs";
  public static final String PASSWORD = "s3cret";
  public static final String DAG = "bdhvs_nightly";

  /** One request as received: path decoded, query raw, body parsed (null when none). */
  public record Request(String method, String path, String query, String authorization, JsonNode body) {
    public String line() {
      return method + " " + path + (query == null ? "" : "?" + query);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> V2_TRIGGER_FIELDS =
      Set.of("dag_run_id", "data_interval_start", "data_interval_end", "logical_date", "run_after", "conf", "note");
  private static final Set<String> V1_READ_ONLY_FIELDS = Set.of("dag_id", "start_date", "end_date",
      "last_scheduling_decision", "run_type", "state", "external_trigger");
  private static final Set<String> V1_DAG_RUN_FIELDS = Set.of("dag_run_id", "logical_date", "execution_date",
      "data_interval_start", "data_interval_end", "conf", "note");
  private static final Set<String> BACKFILL_FIELDS = Set.of("dag_id", "from_date", "to_date", "run_backwards",
      "dag_run_conf", "reprocess_behavior", "max_active_runs");

  private final AirflowApi api;
  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private final Deque<Integer> failures = new ArrayDeque<>();
  private final Map<Long, List<Run>> backfills = new HashMap<>();
  private List<String> states = List.of("queued", "running", "success");
  private boolean loseNextTriggerAnswer;
  private int tokensIssued;

  private static final class Run {
    final String runId;
    final Instant logicalDate;
    final String runType;
    final List<String> states;
    int reads;

    Run(String runId, Instant logicalDate, String runType, List<String> states) {
      this.runId = runId;
      this.logicalDate = logicalDate;
      this.runType = runType;
      this.states = states;
    }

    String state() {
      return states.get(Math.min(reads, states.size() - 1));
    }

    Run read() {
      reads++;
      return this;
    }

    boolean finished() {
      return state().equals("success") || state().equals("failed");
    }
  }

  private record Reply(int status, String contentType, String body) {}

  public FakeAirflow(AirflowApi api) {
    this.api = api;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The states of runs created from now on, one per read of the run; the last one stays. */
  public synchronized FakeAirflow runsGoThrough(String... states) {
    this.states = List.of(states);
    return this;
  }

  /** A run the scheduler made, with Airflow's own run id for it. */
  public synchronized FakeAirflow scheduledRun(Instant logicalDate, String... states) {
    String runId = "scheduled__" + plusZero(logicalDate);
    runs.put(runId, new Run(runId, logicalDate, "scheduled", List.of(states)));
    return this;
  }

  /** The next API requests (not /version) are answered with these 5xx statuses, one each. */
  public synchronized FakeAirflow failNext(Integer... statuses) {
    failures.addAll(List.of(statuses));
    return this;
  }

  /** The next trigger creates its run, but its answer is lost: a 503 comes back instead. */
  public synchronized FakeAirflow loseNextTriggerAnswer() {
    loseNextTriggerAnswer = true;
    return this;
  }

  /** Every token handed out so far stops working, as when it expires. */
  public synchronized void expireTokens() {
    tokens.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String bodyText = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders().getFirst("Authorization"), bodyText.isEmpty() ? null : JSON.readTree(bodyText));
    requests.add(request);
    Reply reply;
    synchronized (this) {
      reply = route(request);
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Reply route(Request r) {
    String prefix = api.path("");
    String other = (api == AirflowApi.V2 ? AirflowApi.V1 : AirflowApi.V2).path("");
    if (r.path().startsWith(other)) {
      // Airflow 2's web server answers unknown paths with an HTML page; Airflow 3's API server with FastAPI's JSON.
      return api == AirflowApi.V1 ? new Reply(404, "text/html", "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>")
          : json(404, detail("Not Found"));
    }
    if (r.method().equals("GET") && r.path().equals(prefix + "/version")) {
      return json(200, JSON.createObjectNode().put("version", api == AirflowApi.V2 ? "3.0.6" : "2.10.5").putNull("git_version"));
    }
    if (r.path().equals("/auth/token") && api == AirflowApi.V2) {
      return token(r);
    }
    if (!failures.isEmpty()) {
      int status = failures.poll();
      return api == AirflowApi.V2 ? json(status, detail("Service Unavailable")) : problem(status, "Service Unavailable", null, "Unknown");
    }
    Reply refused = authenticate(r);
    if (refused != null) {
      return refused;
    }
    String endpoint = r.path().substring(prefix.length());
    String[] parts = endpoint.split("/");
    if (endpoint.startsWith("/dags/") && parts.length >= 4 && parts[3].equals("dagRuns")) {
      if (!parts[2].equals(DAG)) {
        return notFound("DAG not found", "DAG with dag_id: '" + parts[2] + "' not found");
      }
      if (parts.length == 4 && r.method().equals("POST")) {
        return trigger(r.body());
      }
      if (parts.length == 4 && r.method().equals("GET")) {
        return list(r.query());
      }
      if (parts.length == 5 && r.method().equals("GET")) {
        Run run = runs.get(parts[4]);
        return run == null ? notFound("DAGRun not found", "The DagRun with dag_id: `" + DAG + "` and run_id: `" + parts[4] + "` was not found")
            : json(200, runJson(run.read()));
      }
    }
    if (api == AirflowApi.V2 && endpoint.equals("/backfills") && r.method().equals("POST")) {
      return backfill(r.body());
    }
    if (api == AirflowApi.V2 && endpoint.startsWith("/backfills/") && r.method().equals("GET")) {
      long id = Long.parseLong(parts[2]);
      List<Run> its = backfills.get(id);
      if (its == null) {
        return json(404, detail("Backfill with id " + id + " not found"));
      }
      its.forEach(Run::read);
      return json(200, backfillJson(id, its));
    }
    return api == AirflowApi.V2 ? json(404, detail("Not Found")) : problem(404, "Not Found", null, "NotFound");
  }

  private Reply token(Request r) {
    if (r.method().equals("GET")) {
      return json(403, detail("This method is only allowed if ``[core] simple_auth_manager_all_admins`` is True"));
    }
    Reply invalid = unexpectedFields(r.body(), Set.of("username", "password"), Set.of("username", "password"));
    if (invalid != null) {
      return invalid;
    }
    if (!USER.equals(r.body().path("username").asText()) || !PASSWORD.equals(r.body().path("password").asText())) {
      return json(401, detail("Invalid credentials"));
    }
    String token = "token-" + ++tokensIssued;
    tokens.add(token);
    return json(201, JSON.createObjectNode().put("access_token", token));
  }

  private Reply authenticate(Request r) {
    String auth = r.authorization();
    if (api == AirflowApi.V2) {
      if (auth == null || !auth.startsWith("Bearer ")) {
        return json(401, detail("Not authenticated"));
      }
      return tokens.contains(auth.substring("Bearer ".length())) ? null : json(401, detail("Invalid JWT token"));
    }
    String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return basic.equals(auth) ? null : problem(401, "Unauthorized", null, "Unauthenticated");
  }

  private Reply trigger(JsonNode body) {
    if (api == AirflowApi.V2) {
      Reply invalid = unexpectedFields(body, V2_TRIGGER_FIELDS, Set.of("logical_date"));
      if (invalid != null) {
        return invalid;
      }
    } else {
      for (var names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (V1_READ_ONLY_FIELDS.contains(name)) {
          return problem(400, "Bad Request", "Property is read-only - '" + name + "'", "BadRequest");
        }
        if (!V1_DAG_RUN_FIELDS.contains(name)) {
          return problem(400, "Bad Request", "{'" + name + "': ['Unknown field.']}", "BadRequest");
        }
      }
    }
    String runId = body.path("dag_run_id").asText();
    Instant logical = Instant.parse(body.path("logical_date").asText());
    if (runs.containsKey(runId) || runs.values().stream().anyMatch(run -> run.logicalDate.equals(logical))) {
      return api == AirflowApi.V2
          ? json(409, JSON.createObjectNode().set("detail", JSON.createObjectNode().put("reason", "Unique constraint violation")
              .put("statement", "hidden").put("orig_error", "hidden").put("message", "Serious error when handling your request."
                  + " Check logs for more details - you will find it in api server when you look for ID abc123")))
          : problem(409, "Conflict", "DAGRun with DAG ID: '" + DAG + "' and DAGRun ID: '" + runId + "' already exists", "AlreadyExists");
    }
    Run run = new Run(runId, logical, "manual", states);
    runs.put(runId, run);
    if (loseNextTriggerAnswer) {
      loseNextTriggerAnswer = false;
      return api == AirflowApi.V2 ? json(503, detail("Service Unavailable")) : problem(503, "Service Unavailable", null, "Unknown");
    }
    return json(200, runJson(run));
  }

  private Reply list(String query) {
    Map<String, String> q = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        q.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
      }
    }
    // Airflow ignores query parameters it does not know: a wrong filter name lists every run.
    String filter = api == AirflowApi.V2 ? "logical_date" : "execution_date";
    Instant from = q.containsKey(filter + "_gte") ? Instant.parse(q.get(filter + "_gte")) : Instant.MIN;
    Instant to = q.containsKey(filter + "_lte") ? Instant.parse(q.get(filter + "_lte")) : Instant.MAX;
    int limit = Math.min(Integer.parseInt(q.getOrDefault("limit", api == AirflowApi.V2 ? "50" : "100")), 100);
    int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
    List<Run> matching = runs.values().stream()
        .filter(run -> !run.logicalDate.isBefore(from) && !run.logicalDate.isAfter(to)).toList();
    ArrayNode page = JSON.createArrayNode();
    matching.stream().skip(offset).limit(limit).forEach(run -> page.add(runJson(run.read())));
    ObjectNode collection = JSON.createObjectNode();
    collection.set("dag_runs", page);
    collection.put("total_entries", matching.size());
    return json(200, collection);
  }

  private Reply backfill(JsonNode body) {
    Reply invalid = unexpectedFields(body, BACKFILL_FIELDS, Set.of("dag_id", "from_date", "to_date"));
    if (invalid != null) {
      return invalid;
    }
    if (!DAG.equals(body.path("dag_id").asText())) {
      return json(404, detail("Could not find dag " + body.path("dag_id").asText()));
    }
    if (backfills.values().stream().anyMatch(b -> !b.stream().allMatch(Run::finished))) {
      return json(409, detail("There is already a running backfill for Dag " + DAG));
    }
    List<Run> created = new ArrayList<>();
    Instant to = Instant.parse(body.path("to_date").asText());
    for (Instant t = Instant.parse(body.path("from_date").asText()); !t.isAfter(to); t = t.plus(Duration.ofDays(1))) {
      Instant logical = t;
      if (runs.values().stream().noneMatch(run -> run.logicalDate.equals(logical))) {
        Run run = new Run("backfill__" + plusZero(logical), logical, "backfill", states);
        runs.put(run.runId, run);
        created.add(run);
      }
    }
    long id = backfills.size() + 1;
    backfills.put(id, created);
    return json(200, backfillJson(id, created));
  }

  private ObjectNode backfillJson(long id, List<Run> its) {
    ObjectNode b = JSON.createObjectNode().put("id", id).put("dag_id", DAG);
    b.put("from_date", "2025-01-01T00:00:00Z").put("to_date", "2025-01-01T00:00:00Z");
    b.putObject("dag_run_conf");
    b.put("is_paused", false).put("reprocess_behavior", "none").put("max_active_runs", 1)
        .put("created_at", "2025-12-11T02:00:00Z").put("updated_at", "2025-12-11T02:00:00Z").put("dag_display_name", DAG);
    if (its.stream().allMatch(Run::finished)) {
      b.put("completed_at", "2025-12-11T03:00:00Z");
    } else {
      b.putNull("completed_at");
    }
    return b;
  }

  /** DAGRunResponse (v2) or DAGRun (v1), every property of the spec present. */
  private ObjectNode runJson(Run run) {
    ObjectNode j = JSON.createObjectNode().put("dag_run_id", run.runId).put("dag_id", DAG);
    String logical = api == AirflowApi.V2 ? run.logicalDate.toString() : plusZero(run.logicalDate);
    j.put("logical_date", logical);
    if (api == AirflowApi.V1) {
      j.put("execution_date", logical);
    } else {
      j.put("queued_at", logical).put("run_after", logical);
    }
    j.put("start_date", run.state().equals("queued") ? null : logical);
    j.put("end_date", run.finished() ? logical : null);
    if (api == AirflowApi.V2) {
      j.putNull("duration");
    }
    j.put("data_interval_start", logical).put("data_interval_end", logical).putNull("last_scheduling_decision")
        .put("run_type", run.runType).put("state", run.state());
    if (api == AirflowApi.V2) {
      j.put("triggered_by", run.runType.equals("manual") ? "rest_api" : run.runType.equals("backfill") ? "backfill" : "timetable")
          .putNull("triggering_user_name");
    } else {
      j.put("external_trigger", run.runType.equals("manual"));
    }
    j.putObject("conf");
    j.putNull("note");
    if (api == AirflowApi.V2) {
      j.putArray("dag_versions");
      j.putNull("bundle_version").put("dag_display_name", DAG);
    }
    return j;
  }

  /** v2's 422 HTTPValidationError for fields a body must not or must have. */
  private Reply unexpectedFields(JsonNode body, Set<String> allowed, Set<String> required) {
    ArrayNode problems = JSON.createArrayNode();
    if (body == null || !body.isObject()) {
      problems.addObject().put("type", "model_attributes_type").put("msg", "Input should be a valid dictionary or object")
          .putArray("loc").add("body");
    } else {
      body.fieldNames().forEachRemaining(name -> {
        if (!allowed.contains(name)) {
          problems.addObject().put("type", "extra_forbidden").put("msg", "Extra inputs are not permitted")
              .putArray("loc").add("body").add(name);
        }
      });
      required.stream().filter(name -> !body.has(name)).forEach(name -> problems.addObject().put("type", "missing")
          .put("msg", "Field required").putArray("loc").add("body").add(name));
    }
    if (problems.isEmpty()) {
      return null;
    }
    ObjectNode error = JSON.createObjectNode();
    error.set("detail", problems);
    return json(422, error);
  }

  private Reply notFound(String title, String detail) {
    return api == AirflowApi.V2 ? json(404, detail(detail)) : problem(404, title, detail, "NotFound");
  }

  private static ObjectNode detail(String text) {
    return JSON.createObjectNode().put("detail", text);
  }

  /** v1's error body: RFC 7807 problem details, as the spec's Error schema. */
  private static Reply problem(int status, String title, String detail, String section) {
    ObjectNode p = JSON.createObjectNode().put("detail", detail).put("status", status).put("title", title)
        .put("type", "https://airflow.apache.org/docs/apache-airflow/2.10.5/stable-rest-api-ref.html#section/Errors/" + section);
    return new Reply(status, "application/problem+json", p.toString());
  }

  private static Reply json(int status, JsonNode body) {
    return new Reply(status, "application/json", body.toString());
  }

  /** Airflow 2 writes instants with +00:00. */
  private static String plusZero(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(java.time.ZoneOffset.UTC)).replace("Z", "+00:00");
  }
}
