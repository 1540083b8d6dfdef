package dev.pipelines.cdc.operator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.function.UnaryOperator;

/**
 * Pipelines for tests, written as a user writes them (YAML under {@code src/main/resources/pipelines} of this
 * test kit), and edited field by field through their JSON tree. Shared by the operator's tests, kube-api-tests
 * and bench; the operator's settings for tests are the operator's own ({@code TestOperatorSettings}).
 */
public final class TestPipelines {
  public static final String NAMESPACE = "data";
  public static final String NAME = "orders";

  private static final ObjectMapper MAPPER = Serialization.jsonMapper();

  private TestPipelines() {}

  /** Only the required fields, plus a state directory. */
  public static CdcPipeline minimal() {
    return load("minimal.yaml");
  }

  /** The minimal pipeline with the low-latency flush setting (flushInterval below 1s). */
  public static CdcPipeline lowLatency() {
    return load("lowlatency.yaml");
  }

  /** Every spec field set to a non-default value. */
  public static CdcPipeline full() {
    return load("full.yaml");
  }

  /**
   * {@code base} with the field at a dotted path (e.g. {@code spec.source.postgres.port}) set to
   * {@code value}; a null value removes the field.
   */
  public static CdcPipeline with(CdcPipeline base, String path, Object value) {
    ObjectNode root = MAPPER.valueToTree(base);
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
    }
    if (value == null) {
      node.remove(parts[parts.length - 1]);
    } else {
      node.set(parts[parts.length - 1], MAPPER.valueToTree(value));
    }
    return MAPPER.convertValue(root, CdcPipeline.class);
  }

  /**
   * A user's read-modify-write of a pipeline: read it, apply {@code edit}, update. The operator
   * writes status concurrently, which changes the resourceVersion; the API server (mock or real)
   * then answers 409 Conflict, and, like a user of {@code kubectl edit}, this reads again and retries.
   */
  public static CdcPipeline change(KubernetesClient client, String namespace, String name, UnaryOperator<CdcPipeline> edit) {
    for (int attempt = 1; ; attempt++) {
      CdcPipeline current = client.resources(CdcPipeline.class).inNamespace(namespace).withName(name).get();
      try {
        return client.resource(edit.apply(current)).update();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 10) {
          throw e;
        }
      }
    }
  }

  public static CdcPipeline load(String resource) {
    try (InputStream in = TestPipelines.class.getResourceAsStream("/pipelines/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test pipeline " + resource);
      }
      return Serialization.unmarshal(in, CdcPipeline.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
