package dev.pipelines.cdc.config.plan;

import java.util.EnumSet;
import java.util.Set;

/**
 * A kind of change a publication publishes ({@code pg_publication.pubinsert} ... {@code pubtruncate},
 * set by {@code WITH (publish = '...')}). pgoutput sends only those: a publication without
 * {@code delete} would leave every deleted row in StarRocks, without {@code truncate} a TRUNCATE
 * would pass unseen instead of stopping the job.
 */
public enum PublishedChange {
  INSERT,
  UPDATE,
  DELETE,
  TRUNCATE;

  /** Every kind: what the pipeline needs, and PostgreSQL's default. */
  public static Set<PublishedChange> all() {
    return EnumSet.allOf(PublishedChange.class);
  }

  /** The word in {@code publish = 'insert, update, delete, truncate'}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
