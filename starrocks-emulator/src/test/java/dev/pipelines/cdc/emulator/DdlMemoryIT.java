package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.store.StoreKind;

/** {@link DdlIT} against the memory store: the same behaviour, rows on the heap. */
@EmulatorStore(StoreKind.MEMORY)
class DdlMemoryIT extends DdlIT {
}
