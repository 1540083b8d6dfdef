package dev.pipelines.cdc.operator.status;

/** The condition types a CdcPipeline reports. */
public final class ConditionTypes {
  /** Summary: True when the job runs with the current spec. */
  public static final String READY = "Ready";
  /** The spec passed validation. */
  public static final String SPEC_VALID = "SpecValid";
  /** Both credential Secrets exist with the named keys. */
  public static final String CREDENTIALS_READY = "CredentialsReady";
  /** The Flink job is running. */
  public static final String JOB_RUNNING = "JobRunning";

  private ConditionTypes() {}
}
