package dev.pipelines.cdc.operator.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer's store that drops {@code metadata.managedFields} from each object before caching it. The
 * operator never reads them for the objects it is given this store for, and on a real API server they are
 * a third of a CdcPipeline's JSON (three field managers: the creator, the finalizer's and the status' server-side
 * apply) and, as nested maps, more of its heap. Not for the FlinkDeployment: server-side apply's matcher reads
 * its own entry there to tell a change from none.
 *
 * <p>java-operator-sdk hands one store to every informer of a controller, one per watched namespace, and an
 * informer's re-list drops whatever in its store it did not list: so this is only for a controller with a single
 * informer (all namespaces, or one).
 */
public final class WithoutManagedFields<T extends HasMetadata> extends BasicItemStore<T> {

  public WithoutManagedFields() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public T put(String key, T obj) {
    if (obj.getMetadata() != null) {
      obj.getMetadata().setManagedFields(null);
    }
    return super.put(key, obj);
  }
}
