package dev.pipelines.cdc.flinkcluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.emulator.Endpoint;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StarRocks refusing every load for 60 s (HTTP 503), then leaving every load unanswered for 30 s (each
 * held 10 s, then the connection closed), mid-stream: the emulator's count-based faults with a count no
 * run reaches, cleared when the time is up.
 */
class StarRocksOutageIT extends ClusterFaultBase {
  static final Duration REFUSING = Duration.ofSeconds(60);
  static final Duration TIMING_OUT = Duration.ofSeconds(30);
  static final Duration HANG = Duration.ofSeconds(10);

  static Stream<DeliverySemantic> semantics() {
    return FaultMatrix.semantics(DeliverySemantic.AT_LEAST_ONCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("semantics")
  void loadsRefusedThenTimingOut(DeliverySemantic semantic, PostgresServer pg, StarRocksEmulator sr) throws Exception {
    startStreaming("sr", semantic, pg, sr);
    AtomicLong loadsDuring = new AtomicLong();
    FaultEnd end = whileWriting(pg, writer -> {
      midStream();
      long loadsBefore = loads(sr);
      try {
        sr.faults().failNextLoads(Integer.MAX_VALUE, 503);
        hold(REFUSING);
        sr.faults().clear();
        sr.faults().timeOutNextLoads(Integer.MAX_VALUE, HANG);
        hold(TIMING_OUT);
      } finally {
        sr.faults().clear();
      }
      loadsDuring.set(loads(sr) - loadsBefore);
    });
    assertThat(loadsDuring.get()).as("loads tried during the outage (each refused or left hanging)")
        .isGreaterThan(2);
    assertRecovered("starrocks-refusing-60s-then-timing-out-30s", end, PipelineOnCluster.Snapshot.COMPLETE);
  }

  private static long loads(StarRocksEmulator sr) {
    return sr.requestCount(Endpoint.STREAM_LOAD) + sr.requestCount(Endpoint.TXN_LOAD);
  }
}
