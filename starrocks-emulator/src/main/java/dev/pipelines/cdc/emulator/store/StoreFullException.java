package dev.pipelines.cdc.emulator.store;

import java.sql.SQLException;

/** The memory store refused a load that would take it past its bound; nothing of the load was applied. */
public final class StoreFullException extends SQLException {

    public StoreFullException(String message) {
        super(message);
    }
}
