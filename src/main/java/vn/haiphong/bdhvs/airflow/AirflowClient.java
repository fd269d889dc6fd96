package vn.haiphong.bdhvs.airflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.haiphong.bdhvs.errors.UserError;

/**
 * Airflow's stable REST API, the parts bdhvs uses: trigger a DAG run, read runs, start a backfill.
 * v2 (Airflow 3) takes a bearer token from {@code POST /auth/token}, v1 (Airflow 2) basic auth.
 * A 5xx answer or no answer is retried with growing delays, then fails (exit 1); any other error
 * is the user's to fix (exit 2) and its message says what Airflow said and what to check.
 */
public final class AirflowClient {
  /** How often a request is tried when Airflow answers 5xx or not at all, and the first wait (then doubled). */
  public record Retry(int attempts, Duration firstDelay) {
    /** {@code attempts} tries, 2 s apart at first: enough for an Airflow restarting, not so much that a typo waits long. */
    public static Retry of(int attempts) {
      return new Retry(attempts, Duration.ofSeconds(2));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int PAGE = 100;

  /** One HTTP answer, after {@code attempts} tries. */
  private record Answer(int status, String body, int attempts) {
    JsonNode json() {
      try {
        return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
      } catch (JsonProcessingException e) {
        return MissingNode.getInstance();
      }
    }
  }

  private final HttpClient http;
  private final String base;
  private final String user;
  private final String password;
  private final Retry retry;
  private final AirflowApi api;
  private final String version;
  private String token;

  private AirflowClient(HttpClient http, String base, String user, String password, Retry retry,
      AirflowApi api, String version) {
    this.http = http;
    this.base = base;
    this.user = user;
    this.password = password;
    this.retry = retry;
    this.api = api;
    this.version = version;
  }

  /**
   * The Airflow at {@code url} (its web or API server), on {@code api}, or on the API it answers
   * to when {@code api} is null: {@code GET /api/v2/version}, else {@code GET /api/v1/version}.
   */
  public static AirflowClient connect(String url, String user, String password, AirflowApi api, Retry retry) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
      throw new UserError("--url '" + url + "': expected the address of Airflow's web server (Airflow 2) or API server"
          + " (Airflow 3), e.g. http://airflow.example:8080");
    }
    String base = url.replaceAll("/+$", "");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AirflowClient probe = new AirflowClient(http, base, user, password, retry, null, null);
    List<String> answers = new ArrayList<>();
    for (AirflowApi candidate : api == null ? List.of(AirflowApi.V2, AirflowApi.V1) : List.of(api)) {
      String what = "read the version of Airflow's REST API " + candidate.label();
      Answer a = probe.exchange("GET", candidate.path("/version"), null, false, what);
      if (a.status() == 200) {
        return new AirflowClient(http, base, user, password, retry, candidate, a.json().path("version").asText("?"));
      }
      if (a.status() >= 500) {
        throw probe.failure(a, what);
      }
      answers.add("GET " + candidate.path("/version") + " answered " + a.status());
    }
    throw new UserError("--url " + base + ": no Airflow REST API " + (api == null ? "" : api.label() + " ")
        + "answers there (" + String.join(", ", answers) + "); give the address of Airflow's web server (Airflow 2)"
        + " or API server (Airflow 3), e.g. http://airflow.example:8080");
  }

  public AirflowApi api() {
    return api;
  }

  /** Airflow's version, as {@code /version} says. */
  public String version() {
    return version;
  }

  public String url() {
    return base;
  }

  /**
   * Triggers a run of {@code dagId} with this id and logical date; empty when Airflow already has
   * a run with that id or logical date (409).
   */
  public Optional<DagRun> trigger(String dagId, String runId, Instant logicalDate) {
    String what = "trigger run " + runId + " of DAG " + dagId;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dag_run_id", runId);
    body.put("logical_date", logicalDate.toString());
    body.put("conf", Map.of());
    Answer a = exchange("POST", api.path("/dags/" + segment(dagId) + "/dagRuns"), body, true, what);
    if (a.status() == 409) {
      // After a retry, the conflict may be with the first try, whose answer was lost: then the run is ours.
      return a.attempts() > 1 ? findRun(dagId, runId) : Optional.empty();
    }
    return Optional.of(DagRun.fromJson(ok(a, what)));
  }

  public DagRun dagRun(String dagId, String runId) {
    String what = "read run " + runId + " of DAG " + dagId;
    return DagRun.fromJson(ok(exchange("GET", runPath(dagId, runId), null, true, what), what));
  }

  private Optional<DagRun> findRun(String dagId, String runId) {
    String what = "read run " + runId + " of DAG " + dagId;
    Answer a = exchange("GET", runPath(dagId, runId), null, true, what);
    return a.status() == 404 ? Optional.empty() : Optional.of(DagRun.fromJson(ok(a, what)));
  }

  /** The runs of {@code dagId} whose logical date is in [from, to], oldest first. */
  public List<DagRun> dagRuns(String dagId, Instant from, Instant to) {
    String what = "list the runs of DAG " + dagId + " from " + from + " to " + to;
    List<DagRun> runs = new ArrayList<>();
    long total;
    do {
      JsonNode page = ok(exchange("GET", api.path("/dags/" + segment(dagId) + "/dagRuns?")
          + api.dateRange(query(from.toString()), query(to.toString())) + "&limit=" + PAGE + "&offset=" + runs.size(),
          null, true, what), what);
      page.path("dag_runs").forEach(r -> runs.add(DagRun.fromJson(r)));
      total = page.path("total_entries").asLong(runs.size());
      if (page.path("dag_runs").isEmpty()) {
        break;
      }
    } while (runs.size() < total);
    runs.sort(Comparator.comparing(DagRun::logicalDate, Comparator.nullsFirst(Comparator.naturalOrder())));
    return runs;
  }

  /**
   * Starts a backfill of {@code dagId} over the logical dates [from, to] (v2 only: v1 has no
   * backfill endpoint), one run at a time; {@code reprocess} is none, failed or completed. Returns
   * the backfill's id.
   */
  public long backfill(String dagId, Instant from, Instant to, String reprocess) {
    requireV2("backfill");
    String what = "start a backfill of DAG " + dagId + " from " + from + " to " + to;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dag_id", dagId);
    body.put("from_date", from.toString());
    body.put("to_date", to.toString());
    body.put("run_backwards", false);
    body.put("dag_run_conf", Map.of());
    body.put("reprocess_behavior", reprocess);
    // The runs replace the same warehouse tables: never two at once.
    body.put("max_active_runs", 1);
    return ok(exchange("POST", api.path("/backfills"), body, true, what), what).path("id").asLong();
  }

  /** Whether the backfill has created and finished all its runs. */
  public boolean backfillCompleted(long backfillId) {
    requireV2("backfill");
    String what = "read backfill " + backfillId;
    return ok(exchange("GET", api.path("/backfills/" + backfillId), null, true, what), what).hasNonNull("completed_at");
  }

  private void requireV2(String operation) {
    if (api != AirflowApi.V2) {
      throw new IllegalStateException("Airflow's REST API " + api.label() + " has no " + operation + " endpoint");
    }
  }

  private String runPath(String dagId, String runId) {
    return api.path("/dags/" + segment(dagId) + "/dagRuns/" + segment(runId));
  }

  private JsonNode ok(Answer a, String what) {
    if (a.status() >= 400) {
      throw failure(a, what);
    }
    return a.json();
  }

  /**
   * Sends a request, trying again after a 5xx answer or none at all, with doubling waits; logs in
   * again once when a v2 token is refused (it expires). Returns the last answer.
   */
  private Answer exchange(String method, String path, Object body, boolean authenticate, String what) {
    Duration delay = retry.firstDelay();
    boolean loggedInAgain = false;
    int attempt = 0;
    while (true) {
      attempt++;
      Answer a;
      try {
        a = send(method, path, body, authenticate ? authorization(what) : null);
      } catch (IOException e) {
        if (attempt >= retry.attempts()) {
          throw new AirflowUnavailable("cannot " + what + ": no answer from Airflow at " + base
              + (attempt == 1 ? "" : " after " + attempt + " tries") + " (" + unreachable(e) + "); is it running, and is --url right?", e);
        }
        Polling.sleep(delay);
        delay = delay.multipliedBy(2);
        continue;
      }
      if (a.status() == 401 && authenticate && api == AirflowApi.V2 && token != null && !loggedInAgain) {
        token = null;
        loggedInAgain = true;
        attempt--;
        continue;
      }
      if (a.status() >= 500 && attempt < retry.attempts()) {
        Polling.sleep(delay);
        delay = delay.multipliedBy(2);
        continue;
      }
      return new Answer(a.status(), a.body(), attempt);
    }
  }

  private Answer send(String method, String path, Object body, String authorization) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirflowUnavailable("interrupted while waiting for Airflow at " + base, e);
    }
  }

  /** Why a request got no answer, in words: the HTTP client's exceptions often carry no message at all. */
  static String unreachable(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return t.getMessage() == null ? "unknown host" : "unknown host " + t.getMessage();
      }
      if (t instanceof java.net.ConnectException) {
        return "connection refused: nothing listens at that address and port";
      }
      if (t instanceof java.net.http.HttpTimeoutException) {
        return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "the secure connection failed: " + t.getMessage();
      }
    }
    return e.getMessage() == null ? "the connection failed" : "the connection failed: " + e.getMessage();
  }

  /** The Authorization header: basic for v1 (none without a user), a bearer token for v2. */
  private String authorization(String what) {
    if (api == AirflowApi.V1) {
      return user == null ? null : "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }
    if (token == null) {
      // Without a user, only an Airflow whose simple auth manager makes everyone admin hands out a token.
      String login = "log in" + (user == null ? " without a user" : " as '" + user + "'") + " (to " + what + ")";
      Answer a = user == null
          ? exchange("GET", "/auth/token", null, false, login)
          : exchange("POST", "/auth/token", credentials(), false, login);
      token = ok(a, login).path("access_token").asText(null);
      if (token == null) {
        throw new AirflowUnavailable("cannot " + login + ": /auth/token answered " + a.status() + " without an access_token");
      }
    }
    return "Bearer " + token;
  }

  private RuntimeException failure(Answer a, String what) {
    String detail = describe(a.body());
    String said = "cannot " + what + ": Airflow at " + base + " answered " + a.status() + reason(a.status())
        + (a.attempts() > 1 ? " " + a.attempts() + " times" : "") + (detail.isEmpty() ? "" : " (" + detail + ")");
    if (a.status() >= 500) {
      return new AirflowUnavailable(said + "; try again later");
    }
    return new UserError(said + switch (a.status()) {
      case 401 -> "; check --user and --password (or BDHVS_AIRFLOW_USER and BDHVS_AIRFLOW_PASSWORD)";
      case 403 -> user == null ? "; give --user and --password" : "; Airflow's user '" + user + "' lacks the permission";
      case 404 -> "; check --dag and the run, and that Airflow has parsed the DAG without import errors";
      default -> "";
    });
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> " Bad Request";
      case 401 -> " Unauthorized";
      case 403 -> " Forbidden";
      case 404 -> " Not Found";
      case 409 -> " Conflict";
      case 422 -> " Unprocessable Content";
      case 500 -> " Internal Server Error";
      case 502 -> " Bad Gateway";
      case 503 -> " Service Unavailable";
      case 504 -> " Gateway Timeout";
      default -> "";
    };
  }

  /**
   * What an error body says: v1 answers RFC 7807 problem details ({@code title}, {@code detail}),
   * v2 FastAPI's {@code detail}: a text, a list of validation errors, or a database error object.
   */
  static String describe(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    JsonNode j;
    try {
      j = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return "an answer that is not JSON: is --url Airflow's address?";
    }
    JsonNode detail = j.path("detail");
    if (j.has("title")) {
      return j.path("title").asText() + (detail.isTextual() && !detail.asText().isBlank() ? ": " + detail.asText() : "");
    }
    if (detail.isTextual()) {
      return detail.asText();
    }
    if (detail.isArray()) {
      List<String> problems = new ArrayList<>();
      for (JsonNode p : detail) {
        List<String> loc = new ArrayList<>();
        p.path("loc").forEach(l -> loc.add(l.asText()));
        problems.add(String.join(".", loc) + ": " + p.path("msg").asText());
      }
      return String.join("; ", problems);
    }
    if (detail.isObject()) {
      return detail.path("reason").asText("error") + (detail.hasNonNull("message") ? ": " + detail.get("message").asText() : "");
    }
    return j.toString();
  }

  private static String segment(String pathPart) {
    return query(pathPart).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // Ordered, so the request body is the same bytes on every JVM (Map.of's order is not).
  private Map<String, String> credentials() {
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("username", user);
    body.put("password", password == null ? "" : password);
    return body;
  }
}
