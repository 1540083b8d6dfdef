package dev.pipelines.cdc.job.types;

/**
 * A value StarRocks' column cannot hold exactly; {@code rule} says which limit and what to do. Thrown by
 * {@link StarRocksJson} for both read paths (stream and COPY snapshot), which wrap it into
 * {@code PipelineStop.rowRejected} with the table, column and key.
 */
public final class RejectedValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RejectedValue(String rule) {
    super(rule, null, false, false);
  }
}
