package dev.pipelines.cdc.flinkcluster;

import dev.pipelines.cdc.config.DeliverySemantic;
import java.util.stream.Stream;

/**
 * Which delivery semantics each fault runs with. The default build runs one case of each kind of fault
 * (a budget of minutes: each case starts a cluster and waits out a real outage); {@code
 * -Dflink.cluster.matrix=full} (profile {@code flink-cluster-full}) runs every fault with both.
 */
final class FaultMatrix {
  static final String PROPERTY = "flink.cluster.matrix";

  private FaultMatrix() {}

  static boolean full() {
    return "full".equals(System.getProperty(PROPERTY));
  }

  /** {@code inDefaultBuild} alone, or both semantics in the full matrix. */
  static Stream<DeliverySemantic> semantics(DeliverySemantic inDefaultBuild) {
    return full() ? Stream.of(DeliverySemantic.values()) : Stream.of(inDefaultBuild);
  }
}
