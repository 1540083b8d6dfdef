package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
