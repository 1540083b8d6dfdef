package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kind parses into fabric8's typed objects and hangs together: what a pod refers to
 * (Secrets and their keys, ConfigMaps, claims) exists, Services select a workload and name its
 * ports, images are pinned, everything is labelled and lives in the demo's namespace.
 */
class KindManifestsTest {
  private static final String NAMESPACE = "data";
  private static KindManifests manifests;

  @BeforeAll
  static void load() throws IOException {
    manifests = KindManifests.load(RepoPaths.locate().kindManifests());
  }

  @Test
  void everyFileParsesIntoTypedObjects() throws IOException {
    for (Path file : KindManifests.yamlFiles(RepoPaths.locate().kindManifests())) {
      assertThat(KindManifests.read(file)).as(file.toString()).isNotEmpty()
          .allSatisfy(o -> assertThat(o).as("%s in %s", o.getKind(), file).isNotInstanceOf(GenericKubernetesResource.class));
    }
    assertThat(manifests.ofType(Namespace.class)).hasSize(1);
    assertThat(manifests.ofType(StatefulSet.class)).extracting(o -> o.getMetadata().getName()).containsExactly("postgres");
    assertThat(manifests.ofType(Deployment.class)).extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder("starrocks", "minio");
    assertThat(manifests.ofType(CdcPipeline.class)).hasSize(1);
  }

  @Test
  void everythingIsInTheDemoNamespaceAndLabelled() {
    assertThat(manifests.all()).allSatisfy(o -> {
      if (!(o instanceof Namespace)) {
        assertThat(o.getMetadata().getNamespace()).as(describe(o)).isEqualTo(NAMESPACE);
      }
      assertThat(o.getMetadata().getLabels()).as(describe(o)).containsEntry("app.kubernetes.io/part-of", "cdc-pipelines-kind");
    });
  }

  @Test
  void imagesArePinned() {
    assertThat(containers()).isNotEmpty().allSatisfy(c -> assertThat(c.getImage())
        .as("image of container %s", c.getName())
        .matches("[^:]+:[^:]+").doesNotEndWith(":latest"));
  }

  @Test
  void secretKeyReferencesExist() {
    List<SecretKeySelector> refs = containers().stream()
        .flatMap(c -> c.getEnv().stream())
        .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .map(e -> e.getValueFrom().getSecretKeyRef())
        .toList();
    assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(manifests.secretValues(NAMESPACE, ref.getName()))
        .as("Secret %s", ref.getName()).containsKey(ref.getKey()));
  }

  @Test
  void volumesReferToObjectsThatExist() {
    List<Volume> volumes = podTemplates().stream().flatMap(t -> t.getSpec().getVolumes().stream()).toList();
    assertThat(volumes).isNotEmpty().allSatisfy(v -> {
      if (v.getConfigMap() != null) {
        ConfigMap map = manifests.get(ConfigMap.class, NAMESPACE, v.getConfigMap().getName());
        assertThat(v.getConfigMap().getItems()).allSatisfy(i -> assertThat(map.getData()).containsKey(i.getKey()));
      }
      if (v.getPersistentVolumeClaim() != null) {
        assertThat(manifests.find(PersistentVolumeClaim.class, NAMESPACE, v.getPersistentVolumeClaim().getClaimName()))
            .as("claim of volume %s", v.getName()).isPresent();
      }
    });
  }

  @Test
  void servicesSelectAWorkloadAndNameItsPorts() {
    assertThat(manifests.ofType(Service.class)).isNotEmpty().allSatisfy(service -> {
      Map<String, String> selector = service.getSpec().getSelector();
      List<PodTemplateSpec> selected = podTemplates().stream()
          .filter(t -> t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
          .toList();
      assertThat(selected).as("workloads selected by Service %s", service.getMetadata().getName()).hasSize(1);
      List<String> portNames = selected.get(0).getSpec().getContainers().stream()
          .flatMap(c -> c.getPorts().stream()).map(ContainerPort::getName).toList();
      assertThat(service.getSpec().getPorts()).extracting(ServicePort::getTargetPort)
          .allSatisfy(target -> assertThat(portNames).contains(target.getStrVal()));
    });
  }

  @Test
  void postgresIsConfiguredForLogicalReplication() {
    List<String> args = manifests.get(StatefulSet.class, NAMESPACE, "postgres")
        .getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    assertThat(args.get(0)).as("the image's entrypoint wants the server name first").isEqualTo("postgres");
    assertThat(args).contains("wal_level=logical", "max_replication_slots=10", "max_wal_senders=10");
    assertThat(manifests.get(ConfigMap.class, NAMESPACE, "postgres-config").getData().get("pg_hba.conf"))
        .as("replication connections from other pods").containsPattern("host\\s+replication\\s+all\\s+all\\s+scram-sha-256");
  }

  private static List<PodTemplateSpec> podTemplates() {
    List<PodTemplateSpec> templates = new ArrayList<>();
    manifests.ofType(Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
    manifests.ofType(StatefulSet.class).forEach(s -> templates.add(s.getSpec().getTemplate()));
    return templates;
  }

  private static List<Container> containers() {
    return podTemplates().stream().flatMap(t -> t.getSpec().getContainers().stream()).toList();
  }

  private static String describe(HasMetadata o) {
    return o.getKind() + " " + o.getMetadata().getName();
  }
}
