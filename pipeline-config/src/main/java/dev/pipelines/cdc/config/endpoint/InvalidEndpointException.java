package dev.pipelines.cdc.config.endpoint;

import dev.pipelines.cdc.config.InvalidPipelineConfigException;

/** A host, port, URL or database name that the pipeline will not connect with; the message says why and how to fix it. */
public class InvalidEndpointException extends InvalidPipelineConfigException {
  public InvalidEndpointException(String message) {
    super(message);
  }
}
