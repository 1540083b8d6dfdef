package dev.pipelines.cdc.job.types;

/** A source table the pipeline cannot carry; the message names table, column and what to do. */
public class UnsupportedSchemaException extends RuntimeException {
  public UnsupportedSchemaException(String message) {
    super(message);
  }
}
