package dev.pipelines.cdc.kubeapi;

import io.fabric8.kubeapitest.KubeAPIServerConfig;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.Utils;
import io.fabric8.kubeapitest.binary.BinaryManager;
import io.fabric8.kubeapitest.cert.CertManager;
import io.fabric8.kubeapitest.kubeconfig.KubeConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real control plane on loopback: etcd, kube-apiserver, and (when the binary is there)
 * kube-controller-manager's garbage collector. Binaries are found (or, where allowed, downloaded)
 * by fabric8 kube-api-test, which also makes the certificates and the admin kubeconfig; the
 * processes are run here so that the API server can be restarted on the same port over the same
 * etcd.
 */
public final class ControlPlane implements AutoCloseable {
  /** Generous: two cores are shared with the Maven build and the operator. */
  public static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String ADMIN_KUBECONFIG = "admin.kubeconfig";

  private final EtcdServer etcd;
  private final ApiServer apiServer;
  private final AuditLog audit;
  private final Config adminConfig;
  private final KubernetesClient admin;
  private final KubeApiBinaries binaries;
  private final Path workDir;
  private GarbageCollector garbageCollector;

  private ControlPlane(EtcdServer etcd, ApiServer apiServer, AuditLog audit, Config adminConfig,
      KubeApiBinaries binaries, Path workDir) {
    this.etcd = etcd;
    this.apiServer = apiServer;
    this.audit = audit;
    this.adminConfig = adminConfig;
    this.admin = new KubernetesClientBuilder().withConfig(adminConfig).build();
    this.binaries = binaries;
    this.workDir = workDir;
  }

  /** @param workDir logs, etcd data and the audit log of this control plane */
  public static ControlPlane start(KubeApiBinaries binaries, Path workDir) {
    KubeAPIServerConfig config = KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withTestDir(binaries.testDir().toString())
        .withApiServerVersion(binaries.version())
        .withOfflineMode(!binaries.download())
        .build();
    BinaryManager binaryManager = new BinaryManager(config);
    binaryManager.initAndDownloadIfRequired();
    // Certificates per build (target/), not in the shared binary cache.
    Path certDir = workDir.getParent().resolve("certs");
    CertManager certs = new CertManager(mkdirs(certDir).toString());
    certs.createCertificatesIfNeeded();

    EtcdServer etcd = EtcdServer.start(binaryManager.binaries().getEtcd().toPath(), mkdirs(workDir.resolve("etcd")),
        workDir.resolve("etcd.log"), STARTUP);
    AuditLog audit = new AuditLog(workDir);
    ApiServer apiServer = new ApiServer(binaryManager.binaries().getApiServer().toPath(), certs, etcd.url(),
        Utils.findFreePort(), audit, workDir.resolve("kube-apiserver.log"), STARTUP);
    try {
      apiServer.start();
      String kubeconfig = new KubeConfig(certs, binaryManager).generateKubeConfigYaml(apiServer.port());
      Files.writeString(workDir.resolve(ADMIN_KUBECONFIG), kubeconfig);
      ControlPlane plane = new ControlPlane(etcd, apiServer, audit, Config.fromKubeconfig(kubeconfig), binaries, workDir);
      plane.awaitDefaultNamespace();
      return plane;
    } catch (IOException | RuntimeException e) {
      apiServer.close();
      etcd.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** A copy of the admin (system:masters) client configuration. */
  public Config adminConfig() {
    return new ConfigBuilder(adminConfig).build();
  }

  /** The admin kubeconfig (client certificate of system:masters), for a client in another JVM. */
  public Path adminKubeconfig() {
    return workDir.resolve(ADMIN_KUBECONFIG);
  }

  public KubernetesClient admin() {
    return admin;
  }

  public AuditLog audit() {
    return audit;
  }

  /**
   * Starts kube-controller-manager's garbage collector, if its binary is there. Call it after the
   * CRDs are installed: its REST mapper would not know them until its next discovery resync (30 s).
   */
  public void startGarbageCollector() {
    garbageCollector = binaries.controllerManager()
        .map(cm -> GarbageCollector.start(cm, workDir.resolve(ADMIN_KUBECONFIG), workDir.resolve("kube-controller-manager.log")))
        .orElse(null);
  }

  /** Whether owned objects are garbage-collected here (kube-controller-manager is running). */
  public boolean collectsGarbage() {
    return garbageCollector != null;
  }

  public void stopApiServer() {
    apiServer.stop();
  }

  /** Starts the API server again on the same port over the same etcd; returns once it is ready. */
  public void startApiServer() {
    apiServer.start();
    awaitDefaultNamespace();
  }

  /** The server answers /readyz before its own bootstrap has created the default namespace. */
  private void awaitDefaultNamespace() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (admin.namespaces().withName("default").get() == null) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("namespace default not created after " + STARTUP);
      }
      Sleep.millis(200);
    }
  }

  private static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    admin.close();
    if (garbageCollector != null) {
      garbageCollector.close();
    }
    apiServer.close();
    etcd.close();
  }
}
