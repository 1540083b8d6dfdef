package dev.pipelines.cdc.config.plan;

/** What the job does with the publication (the job maps it to Debezium's {@code publication.autocreate.mode}). */
public enum PublicationAction {
  /** It exists and publishes every selected table: used untouched, whoever owns it. */
  USE_AS_IS,
  /** It does not exist: the job creates it for exactly the selected tables. */
  CREATE,
  /** It exists but lacks selected tables, and the user may add them: the job sets its tables. */
  EXTEND,
  /**
   * None of these: a {@link ProblemKind#PUBLICATION_NOT_CREATABLE}, {@link ProblemKind#PUBLICATION_INCOMPLETE} or
   * {@link ProblemKind#PUBLICATION_UNSUITABLE} problem says why.
   */
  REFUSED
}
