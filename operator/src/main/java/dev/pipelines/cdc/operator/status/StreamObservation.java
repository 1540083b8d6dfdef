package dev.pipelines.cdc.operator.status;

/** Whether the job's stream has begun, as the reconciler learned it in one pass: an input of {@link StatusFactory}. */
public sealed interface StreamObservation {
  /** A checkpoint holds a stream position past the one the stream started from. */
  record Started() implements StreamObservation {}

  /** The job runs, its stream reader reports, and no checkpoint holds a position past the start yet. */
  record NotStarted() implements StreamObservation {}

  /** Not known: the job does not run yet, or reports nothing yet; {@code message} says which. */
  record NotYet(String message) implements StreamObservation {}

  /** The JobManager's REST API could not be read; {@code message} says why. */
  record Unreadable(String message) implements StreamObservation {}
}
