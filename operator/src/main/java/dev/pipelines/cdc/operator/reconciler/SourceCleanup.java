package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.config.SourceCleanupSql;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipelineStatus;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.PostgresSource;
import dev.pipelines.cdc.operator.database.CleanupOutcome;
import dev.pipelines.cdc.operator.database.PostgresTarget;
import dev.pipelines.cdc.operator.database.SlotCleaner;
import dev.pipelines.cdc.operator.naming.Names;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Conditions;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.operator.status.StatusFactory;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a pipeline does in its source database: once its Flink job is gone (it must not
 * hold the slot), drop the replication slot and the publication. An unreachable database is
 * retried with backoff and reported in the Cleanup condition; the skip annotation lets a user
 * finish a deletion that cannot clean up.
 */
final class SourceCleanup {
  static final String SKIP_ANNOTATION = "cdc.pipelines.dev/skip-cleanup";
  /** How often to look whether the Flink operator has cancelled the job and removed its deployment. */
  static final Duration FLINK_POLL = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(SourceCleanup.class);

  private final SlotCleaner cleaner;
  private final EventRecorder events;
  private final Clock clock;

  SourceCleanup(SlotCleaner cleaner, EventRecorder events, Clock clock) {
    this.cleaner = cleaner;
    this.events = events;
    this.clock = clock;
  }

  DeleteControl run(CdcPipeline pipeline, Context<CdcPipeline> context, Function<String, Optional<Secret>> secrets) {
    KubernetesClient client = context.getClient();
    PostgresSource pg = pipeline.getSpec() == null || pipeline.getSpec().source() == null
        ? null : pipeline.getSpec().source().postgres();
    if (pg == null || pg.credentialsSecret() == null) {
      return DeleteControl.defaultDelete();
    }
    String slot = Names.slot(pipeline);
    String publication = Names.publication(pipeline);
    String manual = SourceCleanupSql.dropSlot(slot) + " " + SourceCleanupSql.dropPublication(publication);
    if (skipRequested(pipeline)) {
      events.warning(client, pipeline, Reasons.CLEANUP_SKIPPED, SKIP_ANNOTATION + " is set: slot " + slot
          + " and publication " + publication + " are left in " + pg.database() + "; drop them with: " + manual);
      return DeleteControl.defaultDelete();
    }
    if (!pg.dropSlotOnDelete()) {
      events.normal(client, pipeline, Reasons.CLEANUP_SKIPPED, "dropSlotOnDelete is false: slot " + slot
          + " and publication " + publication + " are kept");
      return DeleteControl.defaultDelete();
    }
    if (!mayHaveSlot(pipeline.getStatus())) {
      return DeleteControl.defaultDelete();
    }
    if (flinkDeploymentStillThere(pipeline, client)) {
      return retry(pipeline, client, Reasons.WAITING_FOR_FLINK_DEPLOYMENT, "waiting for FlinkDeployment "
          + Names.flinkDeployment(pipeline) + " to be deleted (its job must release slot " + slot + ")", FLINK_POLL);
    }
    Optional<PostgresTarget> target = Targets.source(pipeline, secrets);
    if (target.isEmpty()) {
      // Typical of a namespace being deleted: the Secret went first. Waiting would wait forever.
      events.warning(client, pipeline, Reasons.CLEANUP_SKIPPED, "the credentials Secret " + pg.credentialsSecret().name()
          + " is gone, so slot " + slot + " and publication " + publication + " cannot be dropped by the operator;"
          + " drop them with: " + manual);
      return DeleteControl.defaultDelete();
    }
    CleanupOutcome outcome = cleaner.drop(target.get(), slot, publication);
    if (outcome.finished()) {
      events.normal(client, pipeline, outcome.reason(), outcome.message());
      outcome.warning().ifPresent(w -> events.warning(client, pipeline, Reasons.PUBLICATION_NOT_DROPPED, w));
      return DeleteControl.defaultDelete();
    }
    Instant since = since(pipeline.getStatus());
    return retry(pipeline, client, outcome.reason(), outcome.message() + "; retrying with backoff. To delete without"
        + " clean-up: kubectl annotate cdcp " + pipeline.getMetadata().getName() + " " + SKIP_ANNOTATION + "=true",
        Backoff.delay(since, clock.instant()));
  }

  private static boolean skipRequested(CdcPipeline pipeline) {
    Map<String, String> annotations = pipeline.getMetadata().getAnnotations();
    return annotations != null && "true".equalsIgnoreCase(annotations.get(SKIP_ANNOTATION));
  }

  /**
   * The job creates the slot, so a pipeline that never had a FlinkDeployment and never saw its
   * slot has nothing to drop: deleting one that never worked (wrong host, wrong password) must
   * not wait on a database it cannot reach.
   */
  static boolean mayHaveSlot(CdcPipelineStatus status) {
    return status != null
        && (status.flinkDeployment() != null || (status.source() != null && Boolean.TRUE.equals(status.source().slotExists())));
  }

  /**
   * Owner-reference garbage collection only starts once our finalizer is gone, so the
   * FlinkDeployment is deleted here; the Flink operator cancels the job before it disappears.
   */
  private static boolean flinkDeploymentStillThere(CdcPipeline pipeline, KubernetesClient client) {
    var resource = client.resources(FlinkDeployment.class)
        .inNamespace(pipeline.getMetadata().getNamespace())
        .withName(Names.flinkDeployment(pipeline));
    FlinkDeployment fd = resource.get();
    if (fd == null || !ownedBy(fd, pipeline)) {
      return false;
    }
    if (fd.getMetadata().getDeletionTimestamp() == null) {
      resource.delete();
    }
    return resource.get() != null;
  }

  private static boolean ownedBy(FlinkDeployment fd, CdcPipeline pipeline) {
    return fd.getMetadata().getOwnerReferences() != null && fd.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> o.getUid() != null && o.getUid().equals(pipeline.getMetadata().getUid()));
  }

  private static Instant since(CdcPipelineStatus status) {
    return status == null ? null : Conditions.find(status.conditions(), ConditionTypes.CLEANUP)
        .map(c -> Instant.parse(c.lastTransitionTime()))
        .orElse(null);
  }

  private DeleteControl retry(CdcPipeline pipeline, KubernetesClient client, String reason, String message, Duration after) {
    Condition cleanup = new Condition(ConditionTypes.CLEANUP, Condition.FALSE,
        pipeline.getMetadata().getGeneration(), null, reason, message);
    CdcPipelineStatus status = StatusFactory.withCondition(pipeline.getStatus(), cleanup, clock.instant());
    if (!status.equals(pipeline.getStatus())) {
      try {
        client.resource(StatusPatch.of(pipeline, status)).patchStatus();
      } catch (KubernetesClientException e) {
        LOG.warn("could not report clean-up of {}/{}: {}", pipeline.getMetadata().getNamespace(),
            pipeline.getMetadata().getName(), e.getMessage());
      }
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(after);
  }
}
