package dev.pipelines.cdc.operator.database;

/** Preflight of the StarRocks sink. */
@FunctionalInterface
public interface SinkInspector {
  /** Never throws: an unreachable FE is a transient failure. */
  CheckResult inspect(StarRocksTarget target);
}
