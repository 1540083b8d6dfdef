package dev.pipelines.cdc.kubeapi;

import java.nio.file.Path;
import java.util.List;

/**
 * kube-controller-manager running only its garbage collector: what deletes a pipeline's
 * ConfigMap (and anything else it owns) once the pipeline is gone. No serving port, no leader
 * election; it talks to the API server with the admin kubeconfig.
 */
final class GarbageCollector implements AutoCloseable {
  private final LocalProcess process;

  private GarbageCollector(LocalProcess process) {
    this.process = process;
  }

  static GarbageCollector start(Path binary, Path kubeconfig, Path log) {
    LocalProcess process = LocalProcess.start("kube-controller-manager", List.of(binary.toString(),
        "--kubeconfig", kubeconfig.toString(),
        "--controllers", "garbagecollector",
        "--leader-elect=false",
        "--secure-port", "0",
        "--use-service-account-credentials=false",
        "--concurrent-gc-syncs", "5"), log);
    Sleep.millis(500);
    process.checkAlive();
    return new GarbageCollector(process);
  }

  void checkAlive() {
    process.checkAlive();
  }

  @Override
  public void close() {
    process.close();
  }
}
