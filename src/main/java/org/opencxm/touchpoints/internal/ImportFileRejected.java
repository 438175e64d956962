package org.opencxm.touchpoints.internal;

import org.jspecify.annotations.Nullable;
import org.opencxm.platform.common.InvalidInputException;

/** An uploaded file that cannot be imported, and the row where that shows when there is one. */
public class ImportFileRejected extends InvalidInputException {

    private final @Nullable Long row;

    ImportFileRejected(String messageKey, @Nullable Long row) {
        super("file", messageKey);
        this.row = row;
    }

    /** The row (the header is row 1) at which the file stops being readable, if it is one row's fault. */
    public @Nullable Long row() {
        return row;
    }
}
