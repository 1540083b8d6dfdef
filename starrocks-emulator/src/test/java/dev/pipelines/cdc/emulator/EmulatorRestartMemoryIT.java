package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.store.memory.MemoryStore;
import org.junit.jupiter.api.Test;

/** {@link EmulatorRestartIT} on one memory store: a restarted emulator on the same instance finds its tables and rows. */
class EmulatorRestartMemoryIT {

    @Test
    void aRestartedEmulatorFindsItsTablesAndRows() throws Exception {
        try (MemoryStore store = new MemoryStore()) {
            EmulatorRestartIT.aRestartedEmulatorFindsItsTablesAndRows(store);
        }
    }
}
