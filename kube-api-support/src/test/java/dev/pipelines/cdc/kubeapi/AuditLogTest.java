package dev.pipelines.cdc.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  private static final String SA = "system:serviceaccount:cdc-system:cdc-operator";

  @TempDir Path dir;

  private static String event(String verb, String resource, String namespace, int code, String decision) {
    return """
        {"verb":"%s","user":{"username":"%s"},"objectRef":{"resource":"%s","namespace":"%s","apiVersion":"v1"},\
        "responseStatus":{"code":%d},"annotations":{"authorization.k8s.io/decision":"%s"}}"""
        .formatted(verb, SA, resource, namespace, code, decision);
  }

  @Test
  void countsOneUsersRequestsByKindInATimeWindow() throws IOException {
    AuditLog audit = new AuditLog(dir);
    String early = "{\"verb\":\"get\",\"user\":{\"username\":\"admin\"},\"impersonatedUser\":{\"username\":\"op\"},"
        + "\"objectRef\":{\"resource\":\"secrets\",\"namespace\":\"data\",\"name\":\"pg\",\"apiVersion\":\"v1\"},"
        + "\"requestReceivedTimestamp\":\"2026-01-01T00:00:01.123456Z\",\"responseStatus\":{\"code\":200}}";
    String status = "{\"verb\":\"patch\",\"user\":{\"username\":\"op\"},\"objectRef\":{\"resource\":\"cdcpipelines\","
        + "\"subresource\":\"status\",\"apiGroup\":\"cdc.pipelines.dev\",\"namespace\":\"data\",\"name\":\"a\"},"
        + "\"requestReceivedTimestamp\":\"2026-01-01T00:00:02Z\",\"responseStatus\":{\"code\":200}}";
    String late = early.replace("00:00:01.123456Z", "00:00:09Z");
    String other = early.replace("\"op\"", "\"someone\"");
    Files.write(dir.resolve("audit.log"), List.of(early, status, late, other, ""));

    assertThat(audit.countByKind("op", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:05Z")))
        .containsExactly(Map.entry("get core/secrets", 1L), Map.entry("patch cdc.pipelines.dev/cdcpipelines/status", 1L));
  }

  @Test
  void aRefusalLaterAllowedIsTransientOneNeverAllowedLacksAPermission() throws IOException {
    AuditLog audit = new AuditLog(dir);
    Files.write(dir.resolve("audit.log"), List.of(
        event("create", "configmaps", "data", 403, "forbid"),
        event("create", "events", "data", 403, "forbid"),
        event("create", "configmaps", "data", 201, "allow"),
        event("create", "configmaps", "other", 403, "forbid")));

    assertThat(audit.lackingPermission(SA)).extracting(r -> r.permission() + " in " + r.namespace())
        .containsExactly("core/events create in data", "core/configmaps create in other");
  }
}
