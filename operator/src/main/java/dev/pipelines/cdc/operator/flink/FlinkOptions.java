package dev.pipelines.cdc.operator.flink;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The Flink 1.19 configuration options the operator sets or checks, as Flink's own {@link
 * ConfigOption}s from flink-core (on the classpath through flink-kubernetes-operator-api): the
 * key, its deprecated names and its type come from Flink, not from a string written here.
 *
 * <p>Two exceptions, each a documented constant with a test comparing it to Flink's:
 *
 * <ul>
 *   <li>The checkpoint interval and retention live in flink-streaming-java's {@code
 *       ExecutionCheckpointingOptions} in Flink 1.19 (flink-core's {@code CheckpointingOptions}
 *       has them only from 1.20), and flink-streaming-java would bring Flink's runtime into the
 *       operator. {@code FlinkOptionsTest} checks key and type against flink-streaming-java 1.19.3.
 *   <li>The Flink Kubernetes Operator's {@code kubernetes.operator.job.restart.failed} is defined
 *       in its runtime module ({@code KubernetesOperatorConfigOptions}), not in the API jar we use.
 * </ul>
 *
 * <p>Flink's {@code RestartStrategyOptions} cannot be loaded here (its class initialiser needs
 * commons-compress, which flink-kubernetes-operator-api excludes): the restart keys stay in {@code
 * pipeline-config}'s {@code RestartPolicy}, checked against Flink by the job's {@code
 * RestartPolicyTest}.
 */
public final class FlinkOptions {
  /** {@code ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL} (flink-streaming-java 1.19). */
  public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
      ConfigOptions.key("execution.checkpointing.interval").durationType().noDefaultValue();

  /**
   * {@code ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT} (flink-streaming-java 1.19),
   * whose enum {@code CheckpointConfig.ExternalizedCheckpointCleanup} is flink-streaming-java's
   * too: its value is the enum constant's name.
   */
  public static final ConfigOption<String> CHECKPOINT_RETENTION =
      ConfigOptions.key("execution.checkpointing.externalized-checkpoint-retention").stringType().noDefaultValue();

  /** A cancelled or failed job keeps its last checkpoint (the constant's name in Flink's enum). */
  public static final String RETAIN_ON_CANCELLATION = "RETAIN_ON_CANCELLATION";

  public static final ConfigOption<String> CHECKPOINTS_DIR = CheckpointingOptions.CHECKPOINTS_DIRECTORY;
  public static final ConfigOption<String> SAVEPOINTS_DIR = CheckpointingOptions.SAVEPOINT_DIRECTORY;
  public static final ConfigOption<String> HA_TYPE = HighAvailabilityOptions.HA_MODE;
  public static final ConfigOption<String> HA_STORAGE_DIR = HighAvailabilityOptions.HA_STORAGE_PATH;
  public static final ConfigOption<Integer> TASK_SLOTS = TaskManagerOptions.NUM_TASK_SLOTS;
  public static final ConfigOption<Integer> PARALLELISM = CoreOptions.DEFAULT_PARALLELISM;
  public static final ConfigOption<Integer> MAX_PARALLELISM = PipelineOptions.MAX_PARALLELISM;

  /**
   * The Flink Kubernetes Operator's switch to redeploy a failed job from its last checkpoint
   * ({@code KubernetesOperatorConfigOptions.OPERATOR_JOB_RESTART_FAILED} in its runtime module,
   * which is not on our classpath).
   */
  public static final ConfigOption<Boolean> RESTART_FAILED =
      ConfigOptions.key("kubernetes.operator.job.restart.failed").booleanType().defaultValue(false);

  /** Flink's HA service for Kubernetes ({@code HighAvailabilityOptions.HA_MODE}'s value). */
  public static final String HA_KUBERNETES = "kubernetes";

  private FlinkOptions() {}
}
