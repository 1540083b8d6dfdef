package dev.pipelines.cdc.apiserver;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A ServiceAccount as the API server sees a pod that runs as it: user
 * {@code system:serviceaccount:<ns>:<name>} in the service-account groups. The test's admin
 * client impersonates it, so RBAC decides every request exactly as it would for the chart's pod.
 */
record ServiceAccountUser(String namespace, String name) {
  String username() {
    return "system:serviceaccount:" + namespace + ":" + name;
  }

  String[] groups() {
    return new String[] {"system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"};
  }

  KubernetesClient client(Config admin) {
    Config as = new ConfigBuilder(admin)
        .withImpersonateUsername(username())
        .withImpersonateGroups(groups())
        .build();
    return new KubernetesClientBuilder().withConfig(as).build();
  }
}
