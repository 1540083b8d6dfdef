package dev.pipelines.cdc.operator.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.function.UnaryOperator;

/**
 * An informer's store that caches a view of each object ({@link CachedViews}): only what the operator reads,
 * with its strings shared ({@link SharedStrings}). The event handlers are handed the object the informer decoded
 * (the view changes it in place, so they see the view too); the store holds the copy.
 *
 * <p>java-operator-sdk hands one store to every informer of a controller or dependent, one per watched namespace,
 * and an informer's re-list drops whatever in its store it did not list: so this is only for a single informer
 * (all namespaces, or one).
 */
public final class CachedView<T extends HasMetadata> extends BasicItemStore<T> {
  private final UnaryOperator<T> view;

  public CachedView(UnaryOperator<T> view) {
    super(Cache::metaNamespaceKeyFunc);
    this.view = view;
  }

  @Override
  public T put(String key, T obj) {
    return super.put(key, SharedStrings.copy(view.apply(obj)));
  }
}
