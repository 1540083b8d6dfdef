package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Flink operator's upgrade modes, under their Flink names. */
public enum UpgradeMode {
  @JsonProperty("savepoint")
  SAVEPOINT,
  @JsonProperty("last-state")
  LAST_STATE,
  @JsonProperty("stateless")
  STATELESS
}
