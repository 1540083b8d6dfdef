package dev.pipelines.cdc.operator.dependent;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.desired.DesiredResources;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Hands the desired objects from the reconciler to the dependents. The reconciler computes them
 * once, with the operator's settings, in a pure function; the dependents only apply them.
 */
public final class DesiredResourcesInContext {
  private DesiredResourcesInContext() {}

  public static void put(Context<CdcPipeline> context, DesiredResources desired) {
    context.managedWorkflowAndDependentResourceContext().put(DesiredResources.class, desired);
  }

  static DesiredResources get(Context<CdcPipeline> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(DesiredResources.class, DesiredResources.class);
  }
}
