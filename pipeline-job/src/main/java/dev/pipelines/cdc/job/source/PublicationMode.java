package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.job.catalog.ExistingPublication;
import dev.pipelines.cdc.job.types.UnsupportedSchemaException;
import java.util.List;
import java.util.Optional;

/**
 * How the source treats the publication (Debezium's {@code publication.autocreate.mode}).
 * Changing a publication needs its owner, and a CDC user usually owns nothing: a publication
 * that already covers every captured table is used as it is.
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

  public static PublicationMode decide(String name, Optional<ExistingPublication> existing, List<String> captured) {
    if (existing.isEmpty()) {
      return FILTERED;
    }
    List<String> missing = existing.get().missing(captured);
    if (missing.isEmpty()) {
      return DISABLED;
    }
    if (!existing.get().ownedByUs()) {
      throw new UnsupportedSchemaException("publication " + name + " does not publish " + missing
          + " and the pipeline's user does not own it: as its owner, run ALTER PUBLICATION " + name + " ADD TABLE "
          + String.join(", ", missing));
    }
    return FILTERED;
  }
}
