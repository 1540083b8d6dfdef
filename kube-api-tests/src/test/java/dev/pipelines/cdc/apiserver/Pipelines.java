package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.testkit.FlinkOperatorDouble;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.desired.Labels;
import dev.pipelines.cdc.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * What a user and the Flink Kubernetes Operator do to pipelines in one namespace, through the
 * admin client, and how the tests read the result. Names follow TestPipelines (pipeline {@code
 * orders}, Secrets {@code pg-cdc} and {@code starrocks-loader}).
 */
record Pipelines(KubernetesClient client, String namespace) {
  /** Generous: two cores, a real API server, an operator and Maven share them. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  void createSecrets() {
    for (String name : new String[] {"pg-cdc", "starrocks-loader"}) {
      client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
          .withStringData(Map.of("username", "u", "password", "p")).build()).serverSideApply();
    }
  }

  /** Submits {@code p} as a user writes it: no uid, generation, resourceVersion or status. */
  CdcPipeline submit(CdcPipeline p) {
    p.getMetadata().setNamespace(namespace);
    p.getMetadata().setUid(null);
    p.getMetadata().setGeneration(null);
    p.getMetadata().setResourceVersion(null);
    p.setStatus(null);
    return client.resource(p).create();
  }

  /** A user's read-modify-write, retried on 409 (see TestPipelines#change). */
  CdcPipeline change(String name, UnaryOperator<CdcPipeline> edit) {
    return TestPipelines.change(client, namespace, name, edit);
  }

  CdcPipeline get(String name) {
    return client.resources(CdcPipeline.class).inNamespace(namespace).withName(name).get();
  }

  Condition condition(String name, String type) {
    CdcPipeline p = get(name);
    assertThat(p).as("pipeline %s", name).isNotNull();
    assertThat(p.getStatus()).as("status of %s", name).isNotNull();
    return Conditions.find(p.getStatus().conditions(), type).orElseThrow(() -> new AssertionError("no condition " + type));
  }

  FlinkDeployment flinkDeployment(String name) {
    return client.resources(FlinkDeployment.class).inNamespace(namespace).withName(name).get();
  }

  ConfigMap configMap(String pipeline) {
    return client.configMaps().inNamespace(namespace).withName(pipeline + "-pipeline-config").get();
  }

  FlinkDeployment awaitFlinkDeployment(String name) {
    return await().atMost(TIMEOUT).until(() -> flinkDeployment(name), fd -> fd != null);
  }

  /**
   * Plays the Flink Kubernetes Operator 1.10 ({@link FlinkOperatorDouble}) on the FlinkDeployment as
   * it is now, and writes the status it ends with through the status subresource; read again and
   * played again on a 409 (the operator may have applied the spec meanwhile).
   */
  void playFlinkOperator(String name, UnaryOperator<FlinkOperatorDouble> steps) {
    for (int attempt = 1; ; attempt++) {
      FlinkDeployment fd = awaitFlinkDeployment(name);
      try {
        client.resource(steps.apply(FlinkOperatorDouble.on(fd)).deployment()).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** Deletes every pipeline (the operator's finalizer runs) and what they leave behind. */
  void deleteAll() {
    client.resources(CdcPipeline.class).inNamespace(namespace).delete();
    await().atMost(TIMEOUT).until(() -> client.resources(CdcPipeline.class).inNamespace(namespace).list().getItems().isEmpty());
    client.resources(FlinkDeployment.class).inNamespace(namespace).delete();
    client.configMaps().inNamespace(namespace).withLabel(Labels.MANAGED_BY, Labels.MANAGER).delete();
    client.secrets().inNamespace(namespace).delete();
  }
}
