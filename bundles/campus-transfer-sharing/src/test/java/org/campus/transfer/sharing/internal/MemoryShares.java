package org.campus.transfer.sharing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.campus.api.sharing.ShareOwnership;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareType;
import org.campus.api.workflow.LmsId;

/** Shares in memory, owned by users, for the provider's contract test. */
final class MemoryShares implements ShareOwnership {

    final Map<Long, ShareProgress> shares = new TreeMap<>();

    void add(long id, LmsId user, long course) {
        shares.put(id, new ShareProgress(id, LmsId.of(course), user, ShareType.ACTIVITY, LmsId.of(id * 10),
                ShareStatus.SENT, "https://moodle.net/r/" + id, null, Instant.EPOCH, Instant.EPOCH, false, null, 1));
    }

    void owner(long id, LmsId user) {
        ShareProgress s = shares.get(id);
        shares.put(id, new ShareProgress(id, s.courseId(), user, s.type(), s.cmId(), s.status(), s.resourceUrl(),
                s.errorMessage(), s.timeCreated(), s.timeModified(), s.sourceDeleted(), s.timeSourceDeleted(),
                s.version() + 1));
    }

    Map<Long, LmsId> snapshot() {
        Map<Long, LmsId> owners = new LinkedHashMap<>();
        shares.forEach((id, s) -> owners.put(id, s.userId()));
        return owners;
    }

    @Override
    public List<ShareProgress> ofUser(LmsId userId, long afterId, int limit) {
        return shares.values().stream().filter(s -> s.userId().equals(userId) && s.id() > afterId).limit(limit).toList();
    }

    @Override
    public Set<Long> reassign(Collection<Long> shareIds, LmsId from, LmsId to) {
        Set<Long> moved = new LinkedHashSet<>();
        for (long id : shareIds) {
            ShareProgress s = shares.get(id);
            if (s != null && s.userId().equals(from)) {
                owner(id, to);
                moved.add(id);
            }
        }
        return moved;
    }

    @Override
    public Map<Long, LmsId> owners(Collection<Long> shareIds) {
        Map<Long, LmsId> owners = new LinkedHashMap<>();
        for (long id : shareIds) {
            if (shares.containsKey(id)) {
                owners.put(id, shares.get(id).userId());
            }
        }
        return owners;
    }
}
