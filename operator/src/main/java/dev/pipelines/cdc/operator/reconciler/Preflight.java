package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.database.CheckResult;
import dev.pipelines.cdc.operator.database.Databases;
import dev.pipelines.cdc.operator.database.PreflightReport;
import dev.pipelines.cdc.operator.database.SourceReport;
import dev.pipelines.cdc.operator.spec.ByteSizes;
import dev.pipelines.cdc.operator.naming.Names;
import dev.pipelines.cdc.operator.status.Reasons;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;
import java.util.function.Function;

/** Runs both preflights of a valid pipeline whose Secrets exist. */
final class Preflight {
  private final Databases databases;

  Preflight(Databases databases) {
    this.databases = databases;
  }

  PreflightReport run(CdcPipeline pipeline, Function<String, Optional<Secret>> secrets) {
    SourceReport source = Targets.source(pipeline, secrets)
        .map(target -> databases.source().inspect(target, Targets.selection(pipeline)))
        .orElseGet(() -> SourceReport.unreachable(secretVanished()));
    CheckResult sink = Targets.sink(pipeline, secrets)
        .map(target -> databases.sink().inspect(target))
        .orElseGet(Preflight::secretVanished);
    return new PreflightReport(Names.slot(pipeline), Names.publication(pipeline),
        ByteSizes.of(pipeline.getSpec().source().postgres().maxLag()), source, sink);
  }

  /** The Secret was checked a moment ago; it can only have gone since. */
  private static CheckResult secretVanished() {
    return CheckResult.retry(Reasons.SECRET_NOT_FOUND, "the credentials Secret disappeared during the check");
  }
}
