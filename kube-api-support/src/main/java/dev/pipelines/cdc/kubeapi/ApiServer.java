package dev.pipelines.cdc.kubeapi;

import io.fabric8.kubeapitest.cert.CertManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * kube-apiserver on a fixed loopback port, so it can be stopped and started again under the same
 * address while etcd keeps the data (kube-api-test picks a new port and a new etcd on each start).
 * The flags are kube-api-test's, plus: RBAC only; OwnerReferencesPermissionEnforcement, so an
 * owner reference with blockOwnerDeletion needs the owner's finalizers permission, as on
 * OpenShift and hardened clusters; an audit log of every request, from which the tests read
 * what the operator's service account was refused.
 */
final class ApiServer implements AutoCloseable {
  private final List<String> command;
  private final Path log;
  private final int port;
  private final Path caCert;
  private final Duration timeout;
  private LocalProcess process;

  ApiServer(Path binary, CertManager certs, String etcdUrl, int port, AuditLog audit, Path log, Duration timeout) {
    this.port = port;
    this.log = log;
    this.caCert = Path.of(certs.getAPIServerCertPath());
    this.timeout = timeout;
    List<String> c = new ArrayList<>();
    c.add(binary.toString());
    c.addAll(List.of(
        "--bind-address", "127.0.0.1",
        "--secure-port", Integer.toString(port),
        "--etcd-servers", etcdUrl,
        "--tls-cert-file", certs.getAPIServerCertPath(),
        "--tls-private-key-file", certs.getAPIServerKeyPath(),
        "--cert-dir", caCert.getParent().toString(),
        "--client-ca-file", certs.getClientCertPath(),
        "--authorization-mode", "RBAC",
        "--service-account-issuer", "https://localhost",
        "--service-account-signing-key-file", certs.getAPIServerKeyPath(),
        "--service-account-key-file", certs.getAPIServerKeyPath(),
        "--service-cluster-ip-range", "10.0.0.0/24",
        // No kubelet, no pods: the ServiceAccount admission plugin would only wait for token controllers.
        "--disable-admission-plugins", "ServiceAccount",
        "--enable-admission-plugins", "OwnerReferencesPermissionEnforcement",
        // The "kubernetes" Service would get a loopback endpoint, which validation refuses, every 10 s.
        "--endpoint-reconciler-type", "none",
        "--allow-privileged"));
    c.addAll(audit.apiServerFlags());
    this.command = List.copyOf(c);
  }

  int port() {
    return port;
  }

  String url() {
    return "https://127.0.0.1:" + port;
  }

  /** Starts the server and returns once {@code /readyz} answers 200. */
  void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("kube-apiserver is already running");
    }
    process = LocalProcess.start("kube-apiserver", command, log);
    awaitReady();
  }

  /** Stops the server as an orchestrator would (SIGTERM, then SIGKILL). */
  void stop() {
    if (process != null) {
      process.stop(Duration.ofSeconds(15));
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder()
        .sslContext(trusting(caCert))
        // /readyz is anonymous; anonymous HTTP/2 is throttled since 1.29 (kube-api-test does the same).
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .build();
    HttpRequest readyz = HttpRequest.newBuilder(URI.create(url() + "/readyz")).timeout(Duration.ofSeconds(5)).build();
    HttpPoll.until200(http, readyz, process, timeout, 250, "kube-apiserver not ready");
  }

  private static SSLContext trusting(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("apiserver", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + pem, e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
