package dev.pipelines.cdc.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** kind-config.yaml: the cluster's name and the host ports it maps. Only the fields the suite reads. */
record KindConfig(String name, List<Node> nodes) {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  record Node(String role, List<PortMapping> extraPortMappings) {
    Node {
      extraPortMappings = extraPortMappings == null ? List.of() : List.copyOf(extraPortMappings);
    }
  }

  record PortMapping(int containerPort, int hostPort, String listenAddress, String protocol) {}

  KindConfig {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  static KindConfig read(Path file) throws IOException {
    return YAML.readValue(file.toFile(), KindConfig.class);
  }

  /** The kubectl context kind creates for this cluster. */
  String context() {
    return "kind-" + name;
  }

  List<PortMapping> portMappings() {
    return nodes.stream().flatMap(n -> n.extraPortMappings().stream()).toList();
  }

  /** The host port that reaches {@code nodePort} on the cluster's nodes. */
  int hostPortFor(int nodePort) {
    return portMappings().stream()
        .filter(m -> m.containerPort() == nodePort)
        .mapToInt(PortMapping::hostPort)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("kind-config.yaml maps no host port to node port " + nodePort));
  }
}
