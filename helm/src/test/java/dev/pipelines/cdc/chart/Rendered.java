package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects of one {@code helm template}, parsed into fabric8's typed model. */
public record Rendered(List<HasMetadata> objects) {
  public Rendered {
    objects = List.copyOf(objects);
  }

  static Rendered parse(String yaml) {
    Object parsed = Serialization.unmarshal(yaml);
    if (parsed == null) {
      return new Rendered(List.of());
    }
    if (parsed instanceof List<?> list) {
      return new Rendered(list.stream().map(HasMetadata.class::cast).toList());
    }
    return new Rendered(List.of((HasMetadata) parsed));
  }

  /** Every rendered object of this type. */
  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The one rendered object of this type. */
  public <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  public Deployment deployment() {
    return one(Deployment.class);
  }

  /** The operator container. */
  public Container container() {
    List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  /** The operator container's environment; every variable is a plain value. */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container().getEnv()) {
      assertThat(var.getValueFrom()).as("env %s", var.getName()).isNull();
      assertThat(env.put(var.getName(), var.getValue() == null ? "" : var.getValue()))
          .as("env %s set twice", var.getName()).isNull();
    }
    return env;
  }
}
