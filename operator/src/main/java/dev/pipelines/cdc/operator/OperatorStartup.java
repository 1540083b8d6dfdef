package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.health.OperatorReadiness;
import dev.pipelines.cdc.operator.health.Readiness;
import dev.pipelines.cdc.operator.prerequisite.RequiredApi;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts the controllers only once the API server serves what they watch. Without the check, java-operator-sdk's
 * start failed on the missing FlinkDeployment CRD with a 154-line trace ending in "Not Found" and the process
 * exited, before {@code /readyz} ever answered (issue 13, on a real API server). Instead the operator waits: alive,
 * not ready, the reason in {@code /readyz} and one log line per missing prerequisite, re-checking until the user
 * installs it, then it starts by itself (no restart, no crash loop).
 */
public final class OperatorStartup implements Readiness {
  private final Operator operator;
  private final Supplier<List<RequiredApi>> missing;
  private final Duration recheck;
  private final Consumer<String> warn;
  private final Consumer<String> info;
  private final OperatorReadiness started;
  private volatile String waitingFor = "checking that the API server serves the CRDs the operator needs";
  private volatile boolean checked;

  /**
   * @param operator with its controllers registered, not started
   * @param missing asks the API server which required APIs it does not serve (may throw
   *     {@link KubernetesClientException})
   * @param recheck how long to wait between two checks while something is missing
   * @param warn where each problem is logged, once, as one line
   * @param info where the start is announced
   */
  public OperatorStartup(Operator operator, Supplier<List<RequiredApi>> missing, Duration recheck,
      Consumer<String> warn, Consumer<String> info) {
    this.operator = operator;
    this.missing = missing;
    this.recheck = recheck;
    this.warn = warn;
    this.info = info;
    // Taken before start(): see OperatorReadiness.
    this.started = new OperatorReadiness(operator.getRuntimeInfo());
  }

  /**
   * Blocks until every prerequisite is served, then starts the operator.
   *
   * @throws RuntimeException what {@link Operator#start()} throws
   */
  public void run() throws InterruptedException {
    Set<String> logged = new LinkedHashSet<>();
    while (true) {
      List<String> problems = problems();
      if (problems.isEmpty()) {
        break;
      }
      waitingFor = String.join("\n", problems);
      checked = true;
      // Logged when it first appears, not at every re-check: a log that repeats itself every 10 s buries it.
      for (String problem : problems) {
        if (logged.add(problem)) {
          warn.accept(problem + " (re-checking every " + every() + ")");
        }
      }
      logged.retainAll(problems);
      Thread.sleep(recheck.toMillis());
    }
    if (checked) {
      info.accept("prerequisites now served by the API server: starting the controllers");
    }
    checked = true;
    waitingFor = null;
    operator.start();
  }

  private String every() {
    return recheck.toMillis() % 1000 == 0 ? recheck.toSeconds() + " s" : recheck.toMillis() + " ms";
  }

  private List<String> problems() {
    try {
      return missing.get().stream().map(RequiredApi::missingLine).toList();
    } catch (KubernetesClientException e) {
      // One line, no trace: the message names the request and the cause (refused, unauthorized, ...).
      return List.of("cannot ask the API server which APIs it serves: " + oneLine(e.getMessage()));
    }
  }

  private static String oneLine(String message) {
    return message == null ? "no message" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  @Override
  public Optional<String> notReadyReason() {
    String reason = waitingFor;
    return reason != null ? Optional.of(reason) : started.notReadyReason();
  }
}
