package dev.pipelines.cdc.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API server's audit log (JSON lines, metadata level) and what it says about one user. The
 * operator swallows some refusals (an Event it may not create is only logged), so reading what the
 * server answered is the one way to know that the chart's RBAC gave it everything it asked for.
 */
final class AuditLog {
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

  AuditLog(Path dir) {
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
  record Request(String user, String verb, String resource, String namespace, String name, int code,
      String authorization, String message) {
    /** OwnerReferencesPermissionEnforcement's refusal when RBAC denies the owner's finalizers. */
    static final String NO_FINALIZERS_PERMISSION = "you can't set finalizers on";

    String permission() {
      return resource + " " + verb;
    }

    /**
     * Refused for lack of a permission: by RBAC itself, or by an admission plugin because RBAC
     * denies the owner's finalizers. Not the other 403s (e.g. right after a restart, before the
     * admission plugin's REST mapper knows the CRD).
     */
    boolean allowed() {
      return code != 401 && code != 403;
    }

    boolean lacksPermission() {
      return code == 403 && ("forbid".equals(authorization) || (message != null && message.contains(NO_FINALIZERS_PERMISSION)));
    }

    @Override
    public String toString() {
      return verb + " " + resource + (namespace == null ? "" : " in " + namespace)
          + (name == null ? "" : " " + name) + " -> " + code + (message == null ? "" : ": " + message);
    }
  }

  /** Every resource request made as {@code user} (directly or impersonated). */
  List<Request> requestsOf(String user) {
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
  List<Request> lackingPermission(String user) {
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
  List<Request> forbidden(String user) {
    return requestsOf(user).stream().filter(r -> r.code() == 403).toList();
  }

  /** {@code resource verb} pairs {@code user} used and was allowed (any answer but 401/403). */
  Set<String> permissionsUsed(String user) {
    Set<String> used = new TreeSet<>();
    requestsOf(user).stream().filter(r -> r.code() != 401 && r.code() != 403).forEach(r -> used.add(r.permission()));
    return used;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
