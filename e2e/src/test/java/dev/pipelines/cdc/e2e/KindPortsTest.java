package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kind-config.yaml maps exactly the NodePorts of deploy/kind, one host port each, and the scripts print those. */
class KindPortsTest {
  private static RepoPaths repo;
  private static KindConfig config;
  private static KindManifests manifests;

  @BeforeAll
  static void read() throws IOException {
    repo = RepoPaths.locate();
    config = KindConfig.read(repo.kindConfig());
    manifests = KindManifests.load(repo.kindManifests());
  }

  @Test
  void clusterHasANameAControlPlaneAndAWorker() {
    assertThat(config.name()).matches("[a-z0-9][a-z0-9-]*");
    assertThat(config.nodes()).extracting(KindConfig.Node::role).contains("control-plane", "worker");
  }

  @Test
  void everyNodePortIsMappedToTheSameHostPortOnLoopbackOnly() {
    List<Integer> nodePorts = nodePorts();
    assertThat(nodePorts).as("NodePorts in deploy/kind").isNotEmpty();
    for (int nodePort : nodePorts) {
      assertThat(config.hostPortFor(nodePort)).as("host port of node port %s", nodePort).isEqualTo(nodePort);
    }
    assertThat(config.portMappings()).allSatisfy(m -> {
      assertThat(m.listenAddress()).isEqualTo("127.0.0.1");
      assertThat(m.protocol()).isEqualTo("TCP");
    });
  }

  @Test
  void noMappingWithoutANodePort() {
    assertThat(config.portMappings()).extracting(KindConfig.PortMapping::containerPort)
        .containsExactlyInAnyOrderElementsOf(nodePorts());
  }

  @Test
  void theSuitesEndpointsResolve() {
    assertThat(config.hostPortFor(manifests.nodePort("data", "postgres-external", "postgres"))).isEqualTo(30432);
    assertThat(config.hostPortFor(manifests.nodePort("data", "starrocks-external", "mysql"))).isEqualTo(30930);
  }

  @Test
  void anUnmappedPortIsAnError() {
    assertThatThrownBy(() -> config.hostPortFor(1)).hasMessageContaining("node port 1");
  }

  @Test
  void kindUpPrintsTheMappedPorts() throws IOException {
    String script = Files.readString(repo.script("kind-up.sh"));
    int mysql = config.hostPortFor(manifests.nodePort("data", "starrocks-external", "mysql"));
    int postgres = config.hostPortFor(manifests.nodePort("data", "postgres-external", "postgres"));
    assertThat(script).contains("mysql -h 127.0.0.1 -P " + mysql + " -uroot", "psql -h 127.0.0.1 -p " + postgres);
  }

  private static List<Integer> nodePorts() {
    return manifests.ofType(Service.class).stream()
        .filter(s -> "NodePort".equals(s.getSpec().getType()))
        .flatMap(s -> s.getSpec().getPorts().stream())
        .map(ServicePort::getNodePort)
        .toList();
  }
}
