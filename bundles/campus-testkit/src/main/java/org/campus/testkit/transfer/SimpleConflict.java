package org.campus.testkit.transfer;

import java.util.List;
import java.util.Optional;

import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;

record SimpleConflict(String description, List<ResolutionOption> options, Optional<Resolution> recommended)
        implements Conflict {

    SimpleConflict {
        options = List.copyOf(options);
    }

    record Option(Resolution resolution, String effect, boolean irreversible, String irreversibleReason)
            implements ResolutionOption {
    }
}
