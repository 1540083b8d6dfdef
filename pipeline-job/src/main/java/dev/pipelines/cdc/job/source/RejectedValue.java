package dev.pipelines.cdc.job.source;

/** A value StarRocks' column cannot hold exactly; {@code rule} says which limit and what to do. */
final class RejectedValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RejectedValue(String rule) {
    super(rule, null, false, false);
  }
}
