package dev.pipelines.cdc.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The sink's delivery guarantee. */
public enum DeliverySemantic {
  /**
   * Rows may be loaded twice after a failure; harmless for primary-key tables, where a replayed
   * upsert or delete lands on the same key. Loads are flushed on an interval, independent of
   * checkpoints.
   */
  @JsonProperty("at-least-once")
  AT_LEAST_ONCE,
  /** Stream Load transactions committed on checkpoint completion: rows become visible per checkpoint. */
  @JsonProperty("exactly-once")
  EXACTLY_ONCE
}
