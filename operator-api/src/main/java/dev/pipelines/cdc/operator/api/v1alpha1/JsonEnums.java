package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The enum constant a spec spells as {@code text} (its {@link JsonProperty} name): lets an enum
 * default be one String constant, used by {@code @Default}, the description and the constructor.
 */
final class JsonEnums {
  private JsonEnums() {}

  static <E extends Enum<E>> E of(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      try {
        JsonProperty name = type.getField(constant.name()).getAnnotation(JsonProperty.class);
        if (name != null && name.value().equals(text)) {
          return constant;
        }
      } catch (NoSuchFieldException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a " + type.getSimpleName());
  }
}
