package dev.pipelines.cdc.apiserver;

/** Thread.sleep without the checked exception, for polling loops. */
final class Sleep {
  private Sleep() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
