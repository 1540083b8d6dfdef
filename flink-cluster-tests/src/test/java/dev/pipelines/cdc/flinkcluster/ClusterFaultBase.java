package dev.pipelines.cdc.flinkcluster;

import dev.pipelines.cdc.emulator.EmulatorStore;
import dev.pipelines.cdc.emulator.StarRocksEmulatorExtension;
import dev.pipelines.cdc.emulator.store.StoreKind;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import java.nio.file.Path;
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
  static void hold(java.time.Duration duration) {
    FreePort.sleep(duration.toMillis());
  }
}
