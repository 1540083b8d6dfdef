package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.config.plan.PublicationAction;

/**
 * How the source treats the publication (Debezium's {@code publication.autocreate.mode}), from the
 * shared planning rules' decision ({@link dev.pipelines.cdc.config.plan.SourcePlanner}): a
 * publication that already covers every captured table is used as it is, since changing one needs
 * its owner and a CDC user usually owns nothing.
 */
public enum PublicationMode {
  /** Use the existing publication untouched. */
  DISABLED("disabled"),
  /** Create it (or set its tables) for exactly the captured tables. */
  FILTERED("filtered");

  private final String debeziumValue;

  PublicationMode(String debeziumValue) {
    this.debeziumValue = debeziumValue;
  }

  public String debeziumValue() {
    return debeziumValue;
  }

  /** The mode that carries out the decision; a refused publication never gets this far (the plan fails). */
  public static PublicationMode of(PublicationAction action) {
    return switch (action) {
      case USE_AS_IS -> DISABLED;
      case CREATE, EXTEND -> FILTERED;
      case REFUSED -> throw new IllegalArgumentException("a refused publication has no mode: the plan reports why");
    };
  }
}
