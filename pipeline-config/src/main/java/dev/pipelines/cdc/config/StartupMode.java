package dev.pipelines.cdc.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a pipeline starts reading when it has no saved position. */
public enum StartupMode {
  /** Snapshot the existing rows, then stream changes from the snapshot's position. */
  @JsonProperty("initial")
  INITIAL,
  /** Skip existing rows; stream only changes committed after the job starts. */
  @JsonProperty("latest-offset")
  LATEST_OFFSET
}
