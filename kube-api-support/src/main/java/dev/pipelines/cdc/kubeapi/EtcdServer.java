package dev.pipelines.cdc.kubeapi;

import io.fabric8.kubeapitest.Utils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * etcd on loopback ports, its data in the test's work directory. It outlives API server restarts,
 * as in a cluster (kube-api-test's own EtcdProcess binds every interface and is stopped with the
 * API server, so it is not used).
 */
final class EtcdServer implements AutoCloseable {
  private final LocalProcess process;
  private final int port;

  private EtcdServer(LocalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static EtcdServer start(Path binary, Path dataDir, Path log, Duration timeout) {
    int port = Utils.findFreePort();
    int peerPort = Utils.findFreePort();
    String client = "http://127.0.0.1:" + port;
    String peer = "http://127.0.0.1:" + peerPort;
    LocalProcess process = LocalProcess.start("etcd", List.of(binary.toString(),
        "--data-dir", dataDir.toString(),
        "--listen-client-urls", client,
        "--advertise-client-urls", client,
        "--listen-peer-urls", peer,
        "--initial-advertise-peer-urls", peer,
        "--initial-cluster", "default=" + peer,
        // A test cluster: durability across machine crashes is worth nothing, fsync latency on a busy disk is.
        "--unsafe-no-fsync",
        "--log-level", "warn"), log);
    EtcdServer etcd = new EtcdServer(process, port);
    etcd.awaitHealthy(timeout);
    return etcd;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2)).build();
    HttpPoll.until200(http, health, process, timeout, 200, "etcd not healthy");
  }

  @Override
  public void close() {
    process.close();
  }
}
