package dev.pipelines.cdc.flinkcluster;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.emulator.EmulatorStore;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.emulator.store.StoreKind;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every fault test shares: a real PostgreSQL 17 and the StarRocks emulator (its memory store: no
 * MariaDB to start, and these tests read single tables only), a temp dir per test for the cluster's
 * configuration, checkpoints, HA metadata and ZooKeeper data, and the cluster killed after each test
 * whatever happened.
 */
@ExtendWith({PostgresExtension.class, StarRocksEmulatorExtension.class})
@EmulatorStore(StoreKind.MEMORY)
abstract class ClusterFaultBase {
  @TempDir
  Path work;

  PipelineOnCluster pipeline;

  @AfterEach
  void killCluster() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** Sleeps while a fault lasts (the writer goes on writing meanwhile). */
  static void hold(Duration duration) {
    FreePort.sleep(duration.toMillis());
  }

  /** A pipeline of 1,000 customers and 20,000 orders, started and through its snapshot: sink equals source. */
  void startStreaming(String name, DeliverySemantic semantic, PostgresServer pg, StarRocksEmulator sr) {
    pipeline = PipelineOnCluster.start(name, semantic, pg, sr, work, 1000, 20_000);
    pipeline.awaitEqual(PipelineOnCluster.SNAPSHOT_TIMEOUT);
  }

  /** Mid-stream: a checkpoint completed while the writer writes, then 3 s more, and the job has not failed. */
  void midStream() {
    pipeline.awaitNextCheckpoint();
    hold(Duration.ofSeconds(3));
    pipeline.assertNoFailureYet();
  }

  /** A fault, injected while the writer writes; it returns when the fault is over. */
  @FunctionalInterface
  interface Fault {
    void inject(ChangeWriter writer) throws Exception;
  }

  /**
   * When a fault ended, and where the slot's confirmed position was then (it must move past it again).
   *
   * @param failedTransactions the writer's transactions Postgres refused (while it was down)
   */
  record FaultEnd(long nanoTime, String slotLsn, long failedTransactions) {}

  /**
   * Writes throughout {@code fault} and for {@code writeOn} after it, then stops the writer, notes the slot's
   * position, and writes a few transactions more (changes after the fault that must arrive too).
   */
  FaultEnd whileWriting(PostgresServer pg, Duration writeOn, Fault fault) throws Exception {
    try (ChangeWriter writer = ChangeWriter.start(pg, pipeline.tables())) {
      fault.inject(writer);
      long end = System.nanoTime();
      hold(writeOn);
      writer.stop();
      String lsn = pipeline.confirmedFlushLsn();
      writer.writeMore(5);
      return new FaultEnd(end, lsn, writer.failedTransactions());
    }
  }

  FaultEnd whileWriting(PostgresServer pg, Fault fault) throws Exception {
    return whileWriting(pg, Duration.ZERO, fault);
  }

  /** Sink equals source over every row and column again (see {@link PipelineOnCluster#assertRecovered}). */
  void assertRecovered(String fault, FaultEnd end, PipelineOnCluster.Snapshot snapshot) {
    pipeline.assertRecovered(fault, end.nanoTime(), end.slotLsn(), snapshot);
    if (snapshot == PipelineOnCluster.Snapshot.COMPLETE) {
      // Faults after the snapshot come after checkpoints that hold the stream split's assignment.
      ClusterLogs.assertStreamSplitAssignedOnce(pipeline.cluster());
    }
  }
}
