package dev.pipelines.cdc.operator.informer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;

/**
 * A copy of a cached object whose strings are the JVM's interned ones, so that equal values are held once for
 * all pipelines. Measured at 10,000 pipelines (docs/performance.md): strings were half of the operator's heap
 * after its views, and most are the same in every pipeline's objects (label values, condition types, reasons and
 * messages, the apiVersion and kind of owner references) or repeated within one (its name, namespace and uid in
 * its own, its ConfigMap's and its FlinkDeployment's metadata). G1's string deduplication would share only the
 * bytes, not the String objects, and the chart's pod, with one CPU, runs the Serial collector, which has none.
 * Map keys are interned already (Jackson interns field names).
 */
final class SharedStrings {
  private static final KubernetesSerialization INTERNING = new KubernetesSerialization(
      new ObjectMapper().registerModule(new SimpleModule().addDeserializer(String.class, new Interning())), true);

  private SharedStrings() {}

  @SuppressWarnings("unchecked")
  static <T> T copy(T object) {
    return object == null ? null : (T) INTERNING.convertValue(object, object.getClass());
  }

  private static final class Interning extends StdScalarDeserializer<String> {
    Interning() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      return value == null ? null : value.intern();
    }
  }
}
