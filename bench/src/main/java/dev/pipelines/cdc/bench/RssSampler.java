package dev.pipelines.cdc.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples the resident set size of another process (/proc/PID/status VmRSS) every 100 ms and keeps
 * the peak, so a phase's memory is that of the job JVM alone, not of the harness.
 */
public final class RssSampler implements AutoCloseable {
  private final Path status;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakKb;
  private volatile long lastKb;

  public RssSampler(long pid) {
    this.status = Path.of("/proc/" + pid + "/status");
    this.thread = new Thread(this::run, "rss-" + pid);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      long kb = Machine.procValueKb(status, "VmRSS:");
      if (kb > 0) {
        lastKb = kb;
        peakKb = Math.max(peakKb, kb);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The peak since the last call (or since start), in MB, and starts a new window. */
  public synchronized double takePeakMb() {
    double mb = peakKb / 1024.0;
    peakKb = lastKb;
    return mb;
  }

  /** The kernel's own high-water mark of the process' RSS (VmHWM), in MB. */
  public double highWaterMarkMb() {
    return Machine.procValueKb(status, "VmHWM:") / 1024.0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  /** Phase → peak RSS in MB, in the order the phases ran. */
  public static Map<String, Double> newPeaks() {
    return new LinkedHashMap<>();
  }
}
