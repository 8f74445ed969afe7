package org.campus.api.transfer;

import java.util.List;

import org.campus.api.workflow.LmsId;

/**
 * One item a transfer could move, as its provider listed it in a preview.
 *
 * @param id the qualified id, {@code <provider>:<item id>}
 * @param provider the provider's id
 * @param type the item type (items are grouped by it)
 * @param info more about the item, or {@code null}
 * @param courses the LMS courses the item belongs to
 * @param irreversibleReason why moving it cannot be undone; {@code null} if it can
 * @param conflict the clash with the target's data, or {@code null}
 */
public record PreviewItem(String id, String provider, String type, String title, String info, List<LmsId> courses,
        boolean irreversible, String irreversibleReason, PreviewConflict conflict) {

    public PreviewItem {
        courses = List.copyOf(courses);
    }
}
