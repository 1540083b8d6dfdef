package dev.pipelines.cdc.kubeapi;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two CRDs the operator needs, installed as a user installs them: ours from {@code crds/}
 * (what the chart ships), the Flink Kubernetes Operator's own from the API jar it publishes.
 */
public final class Crds {
  public static final String CDC_PIPELINES = "cdcpipelines.cdc.pipelines.dev";
  public static final String FLINK_DEPLOYMENTS = "flinkdeployments.flink.apache.org";
  /** The v1 CRD in flink-kubernetes-operator-api (the -v1beta1.yml copies are for old clusters). */
  private static final String FLINK_CRD_RESOURCE = "/META-INF/fabric8/" + FLINK_DEPLOYMENTS + "-v1.yml";

  private Crds() {}

  /** Ours from {@code <repoDir>/crds/} and the Flink Kubernetes Operator's. */
  public static void install(KubernetesClient admin, Path repoDir) {
    install(admin, List.of(ours(repoDir), flinkDeployments()));
  }

  /** Creates {@code crds} and waits until the API server serves them. */
  public static void install(KubernetesClient admin, List<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) {
      admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
    for (CustomResourceDefinition crd : crds) {
      admin.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(Crds::established, ControlPlane.STARTUP.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** @param repoDir the repository's root (the CRD is {@code crds/cdcpipelines.cdc.pipelines.dev-v1.yml}) */
  public static CustomResourceDefinition ours(Path repoDir) {
    Path file = repoDir.resolve("crds").resolve(CDC_PIPELINES + "-v1.yml");
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CustomResourceDefinition flinkDeployments() {
    try (InputStream in = Crds.class.getResourceAsStream(FLINK_CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(FLINK_CRD_RESOURCE + " is not on the classpath (flink-kubernetes-operator-api)");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
