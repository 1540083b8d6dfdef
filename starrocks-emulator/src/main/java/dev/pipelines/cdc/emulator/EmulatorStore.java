package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.store.StoreKind;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks the store of the emulator that {@link StarRocksEmulatorExtension} gives a test class, over the
 * system property {@value StoreKind#PROPERTY} (default {@code mariadb}): {@code @EmulatorStore(MEMORY)}.
 * Each store kind has its own emulator per test JVM.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface EmulatorStore {

    StoreKind value();
}
