package dev.pipelines.cdc.operator;

import dev.pipelines.cdc.operator.prerequisite.Prerequisites;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/** The two CRDs the operator needs, as a user installs them, for tests that create them on the mock server. */
public final class TestCrds {
  private TestCrds() {}

  /** Ours, from {@code crds/} (what the chart ships). */
  public static CustomResourceDefinition ours() {
    try (InputStream in = Files.newInputStream(Path.of("..", "crds", Prerequisites.CDC_PIPELINES.crd() + "-v1.yml"))) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Flink Kubernetes Operator's, from its API jar. */
  public static CustomResourceDefinition flinkDeployments() {
    String resource = "/META-INF/fabric8/" + Prerequisites.FLINK_DEPLOYMENTS.crd() + "-v1.yml";
    try (InputStream in = FlinkDeployment.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (flink-kubernetes-operator-api)");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
