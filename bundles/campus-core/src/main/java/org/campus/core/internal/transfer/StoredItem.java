package org.campus.core.internal.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;
import org.campus.spi.transfer.TransferItem;

/** An item as a provider listed it, as the core keeps it between preview and execution. */
record StoredItem(String id, String type, String title, String info, Map<String, String> parameters,
        Set<LmsId> courses, String irreversibleReason, Optional<Conflict> conflict) implements TransferItem {

    StoredItem {
        parameters = Map.copyOf(parameters);
        courses = Set.copyOf(courses);
    }

    @Override
    public boolean irreversible() {
        return irreversibleReason != null;
    }

    record ItemConflict(String description, List<ResolutionOption> options, Optional<Resolution> recommended)
            implements Conflict {
        ItemConflict {
            options = List.copyOf(options);
        }
    }

    record Option(Resolution resolution, String effect, String irreversibleReason) implements ResolutionOption {
        @Override
        public boolean irreversible() {
            return irreversibleReason != null;
        }
    }
}
