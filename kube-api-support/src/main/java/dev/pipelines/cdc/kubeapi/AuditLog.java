package dev.pipelines.cdc.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The API server's audit log (JSON lines, metadata level) and what it says about one user. The
 * operator swallows some refusals (an Event it may not create is only logged), so reading what the
 * server answered is the one way to know that the chart's RBAC gave it everything it asked for.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  // The API server's own loopback client and the controller manager are not under test.
  private static final String POLICY = """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: ["RequestReceived"]
      rules:
      - level: None
        users: ["system:apiserver", "system:kube-controller-manager"]
      - level: None
        nonResourceURLs: ["/readyz*", "/healthz*", "/livez*"]
      - level: Metadata
      """;

  private final Path policy;
  private final Path log;

  public AuditLog(Path dir) {
    this.policy = dir.resolve("audit-policy.yaml");
    this.log = dir.resolve("audit.log");
    try {
      Files.createDirectories(dir);
      Files.writeString(policy, POLICY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> apiServerFlags() {
    return List.of("--audit-policy-file", policy.toString(), "--audit-log-path", log.toString(),
        "--audit-log-format", "json", "--audit-log-mode", "blocking");
  }

  /**
   * One request as the server answered it.
   *
   * @param resource {@code group/resource[/subresource]}, core group written {@code core}
   */
  public record Request(String user, String verb, String resource, String namespace, String name, int code,
      String authorization, String message) {
    /** OwnerReferencesPermissionEnforcement's refusal when RBAC denies the owner's finalizers. */
    static final String NO_FINALIZERS_PERMISSION = "you can't set finalizers on";

    public String permission() {
      return resource + " " + verb;
    }

    /**
     * Refused for lack of a permission: by RBAC itself, or by an admission plugin because RBAC
     * denies the owner's finalizers. Not the other 403s (e.g. right after a restart, before the
     * admission plugin's REST mapper knows the CRD).
     */
    public boolean allowed() {
      return code != 401 && code != 403;
    }

    public boolean lacksPermission() {
      return code == 403 && ("forbid".equals(authorization) || (message != null && message.contains(NO_FINALIZERS_PERMISSION)));
    }

    @Override
    public String toString() {
      return verb + " " + resource + (namespace == null ? "" : " in " + namespace)
          + (name == null ? "" : " " + name) + " -> " + code + (message == null ? "" : ": " + message);
    }
  }

  /** Every resource request made as {@code user} (directly or impersonated). */
  public List<Request> requestsOf(String user) {
    List<Request> out = new ArrayList<>();
    if (!Files.exists(log)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(log)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = JSON.readTree(line);
        String as = event.path("impersonatedUser").path("username").asText(event.path("user").path("username").asText());
        JsonNode ref = event.path("objectRef");
        if (!as.equals(user) || ref.isMissingNode()) {
          continue;
        }
        String group = ref.path("apiGroup").asText("");
        String resource = (group.isEmpty() ? "core" : group) + "/" + ref.path("resource").asText()
            + (ref.hasNonNull("subresource") ? "/" + ref.path("subresource").asText() : "");
        out.add(new Request(as, event.path("verb").asText(), resource, text(ref, "namespace"), text(ref, "name"),
            event.path("responseStatus").path("code").asInt(0),
            text(event.path("annotations"), "authorization.k8s.io/decision"), text(event.path("responseStatus"), "message")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Requests of {@code user} refused because the user lacks a permission, and never allowed later. Right
   * after an API server restart its RBAC authorizer refuses everything until its caches have synced; a
   * later allowed request for the same permission in the same namespace shows such a refusal was transient.
   * A permission the chart lacks is refused every time, so it still shows.
   */
  public List<Request> lackingPermission(String user) {
    List<Request> requests = requestsOf(user);
    List<Request> lacking = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Request refused = requests.get(i);
      if (refused.lacksPermission() && requests.subList(i + 1, requests.size()).stream()
          .noneMatch(later -> later.allowed() && later.permission().equals(refused.permission())
              && Objects.equals(later.namespace(), refused.namespace()))) {
        lacking.add(refused);
      }
    }
    return lacking;
  }

  /** Every request of {@code user} answered 403, whatever the cause. */
  public List<Request> forbidden(String user) {
    return requestsOf(user).stream().filter(r -> r.code() == 403).toList();
  }

  /** {@code resource verb} pairs {@code user} used and was allowed (any answer but 401/403). */
  public Set<String> permissionsUsed(String user) {
    Set<String> used = new TreeSet<>();
    requestsOf(user).stream().filter(r -> r.code() != 401 && r.code() != 403).forEach(r -> used.add(r.permission()));
    return used;
  }

  /**
   * How many requests {@code user} made, by {@code verb group/resource[/subresource]} (e.g. {@code get core/secrets}),
   * received in {@code [from, to)}. Streams the log, so a run of 10,000 pipelines (~100 MB of events) fits.
   */
  public Map<String, Long> countByKind(String user, Instant from, Instant to) {
    Map<String, Long> kinds = new TreeMap<>();
    if (!Files.exists(log)) {
      return kinds;
    }
    try (Stream<String> lines = Files.lines(log)) {
      lines.filter(line -> !line.isBlank()).forEach(line -> {
        JsonNode event;
        try {
          event = JSON.readTree(line);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        String as = event.path("impersonatedUser").path("username").asText(event.path("user").path("username").asText());
        JsonNode ref = event.path("objectRef");
        if (!as.equals(user) || ref.isMissingNode() || !event.hasNonNull("requestReceivedTimestamp")) {
          return;
        }
        Instant at = Instant.parse(event.get("requestReceivedTimestamp").asText());
        if (at.isBefore(from) || !at.isBefore(to)) {
          return;
        }
        String group = ref.path("apiGroup").asText("");
        String kind = event.path("verb").asText() + " " + (group.isEmpty() ? "core" : group) + "/"
            + ref.path("resource").asText() + (ref.hasNonNull("subresource") ? "/" + ref.path("subresource").asText() : "");
        kinds.merge(kind, 1L, Long::sum);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kinds;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
