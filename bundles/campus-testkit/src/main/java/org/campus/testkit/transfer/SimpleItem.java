package org.campus.testkit.transfer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.TransferItem;

record SimpleItem(String id, String type, String title, String info, Map<String, String> parameters,
        Set<LmsId> courses, boolean irreversible, String irreversibleReason, Optional<Conflict> conflict)
        implements TransferItem {

    SimpleItem {
        parameters = Map.copyOf(parameters);
        courses = Set.copyOf(courses);
    }
}
