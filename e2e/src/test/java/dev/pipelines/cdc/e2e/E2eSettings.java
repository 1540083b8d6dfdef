package dev.pipelines.cdc.e2e;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The suite's switches, from the environment.
 *
 * @param keepCluster CDC_E2E_KEEP_CLUSTER=true: leave the cluster the suite created running
 *     afterwards (hack/kind-down.sh deletes it). A cluster that existed before the suite started
 *     is always left running: the suite deletes only what it made.
 */
record E2eSettings(boolean keepCluster) {
  static final String KEEP_CLUSTER = "CDC_E2E_KEEP_CLUSTER";
  private static final Set<String> YES = Set.of("true", "1", "yes");

  static E2eSettings fromEnv(Map<String, String> env) {
    String keep = env.getOrDefault(KEEP_CLUSTER, "");
    return new E2eSettings(YES.contains(keep.strip().toLowerCase(Locale.ROOT)));
  }

  boolean deleteClusterAfterwards(boolean createdBySuite) {
    return createdBySuite && !keepCluster;
  }
}
