package org.campus.core.internal.sharing;

import java.time.Instant;

import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.api.sharing.ShareType;

/** Entities to API values; entities never leave the core. */
final class ShareMapper {

    private ShareMapper() {
    }

    static ShareProgress toValue(ShareEntity e) {
        return new ShareProgress(e.getId(), e.getCourseId(), e.getUserId(),
                ShareType.fromCode(e.getType()).orElseThrow(),
                e.getCmId(),
                ShareStatus.fromCode(e.getStatus()).orElseThrow(),
                e.getResourceUrl(), e.getErrorMessage(),
                Instant.ofEpochMilli(e.getTimeCreated()), Instant.ofEpochMilli(e.getTimeModified()),
                e.isSourceDeleted(),
                e.getTimeSourceDeleted() == null ? null : Instant.ofEpochMilli(e.getTimeSourceDeleted()),
                e.getVersion());
    }

    static ShareStatusChange toValue(ShareEventEntity e) {
        return new ShareStatusChange(ShareStatus.fromCode(e.getStatus()).orElseThrow(),
                Instant.ofEpochMilli(e.getTime()), e.getResourceUrl(), e.getMessage());
    }
}
