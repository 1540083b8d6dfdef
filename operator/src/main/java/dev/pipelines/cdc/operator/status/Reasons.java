package dev.pipelines.cdc.operator.status;

/** Machine-readable condition reasons (CamelCase, stable: automation may match on them). */
public final class Reasons {
  public static final String VALID = "Valid";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SECRETS_FOUND = "SecretsFound";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_KEY_MISSING = "SecretKeyMissing";
  public static final String NOT_CHECKED = "NotChecked";
  public static final String NOT_DEPLOYED = "NotDeployed";
  public static final String DEPLOYING = "Deploying";
  public static final String RUNNING = "Running";
  public static final String SUSPENDED = "Suspended";
  public static final String JOB_FAILED = "JobFailed";
  /** Writing the pipeline's objects failed (API error, conflict...); it is retried with backoff. */
  public static final String RECONCILE_ERROR = "ReconcileError";

  private Reasons() {}
}
