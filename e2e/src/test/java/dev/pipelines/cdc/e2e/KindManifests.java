package dev.pipelines.cdc.e2e;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every object in deploy/kind/*.yaml, as fabric8's typed model (CdcPipelines as the operator's class). */
final class KindManifests {
  private final List<HasMetadata> objects;

  private KindManifests(List<HasMetadata> objects) {
    this.objects = List.copyOf(objects);
  }

  static KindManifests load(Path dir) throws IOException {
    List<HasMetadata> all = new ArrayList<>();
    for (Path file : yamlFiles(dir)) {
      all.addAll(read(file));
    }
    return new KindManifests(all);
  }

  static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** One file's objects; a single document comes back as one object, several as a list. */
  static List<HasMetadata> read(Path file) throws IOException {
    Object parsed;
    try (InputStream in = Files.newInputStream(file)) {
      parsed = Serialization.unmarshal(in);
    }
    List<?> items = parsed instanceof List<?> list ? list : List.of(parsed);
    return items.stream().map(o -> typed((HasMetadata) o)).toList();
  }

  /** fabric8 does not know our kind and returns it generic; the operator's class is the real check. */
  private static HasMetadata typed(HasMetadata object) {
    if (object instanceof GenericKubernetesResource generic && "CdcPipeline".equals(generic.getKind())) {
      return Serialization.jsonMapper().convertValue(generic, CdcPipeline.class);
    }
    return object;
  }

  List<HasMetadata> all() {
    return objects;
  }

  <T extends HasMetadata> List<T> ofType(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    return ofType(type).stream()
        .filter(o -> name.equals(o.getMetadata().getName()) && namespace.equals(o.getMetadata().getNamespace()))
        .findFirst();
  }

  <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
    return find(type, namespace, name)
        .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " " + namespace + "/" + name + " in deploy/kind"));
  }

  /** A Secret's values, from stringData and data alike. */
  Map<String, String> secretValues(String namespace, String name) {
    Secret secret = get(Secret.class, namespace, name);
    Map<String, String> values = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return values;
  }

  /** The NodePort of a Service's named port. */
  int nodePort(String namespace, String service, String portName) {
    return get(Service.class, namespace, service).getSpec().getPorts().stream()
        .filter(p -> portName.equals(p.getName()))
        .map(ServicePort::getNodePort)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Service " + namespace + "/" + service + " has no port " + portName));
  }
}
