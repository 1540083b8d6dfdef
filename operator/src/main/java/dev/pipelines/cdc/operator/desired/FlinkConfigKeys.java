package dev.pipelines.cdc.operator.desired;

/** Flink 1.19 configuration keys the operator sets (Flink's own names). */
final class FlinkConfigKeys {
  static final String CHECKPOINT_INTERVAL = "execution.checkpointing.interval";
  static final String CHECKPOINT_RETENTION = "execution.checkpointing.externalized-checkpoint-retention";
  static final String CHECKPOINTS_DIR = "state.checkpoints.dir";
  static final String SAVEPOINTS_DIR = "state.savepoints.dir";
  static final String HA_TYPE = "high-availability.type";
  static final String HA_STORAGE_DIR = "high-availability.storageDir";
  static final String TASK_SLOTS = "taskmanager.numberOfTaskSlots";
  /** The Flink Kubernetes Operator's switch to redeploy a failed job from its last checkpoint. */
  static final String RESTART_FAILED = "kubernetes.operator.job.restart.failed";

  private FlinkConfigKeys() {}
}
