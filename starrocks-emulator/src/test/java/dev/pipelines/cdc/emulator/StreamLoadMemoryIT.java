package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.store.StoreKind;

/** {@link StreamLoadIT} against the memory store: the same behaviour, rows on the heap. */
@EmulatorStore(StoreKind.MEMORY)
class StreamLoadMemoryIT extends StreamLoadIT {
}
