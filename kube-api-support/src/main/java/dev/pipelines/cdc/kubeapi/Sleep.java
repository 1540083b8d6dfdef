package dev.pipelines.cdc.kubeapi;

/** Thread.sleep without the checked exception, for polling loops. */
public final class Sleep {
  private Sleep() {}

  public static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
