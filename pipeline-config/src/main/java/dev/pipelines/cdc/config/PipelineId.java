package dev.pipelines.cdc.config;

import static java.util.Objects.requireNonNull;

/** Identifies the CdcPipeline a config belongs to. */
public record PipelineId(String namespace, String name) {

  public PipelineId {
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
