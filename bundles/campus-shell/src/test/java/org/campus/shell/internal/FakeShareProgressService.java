package org.campus.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.CampusException;
import org.campus.api.ConflictException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.ShareQuery;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.api.sharing.ShareType;
import org.campus.api.sharing.SourceDeleted;
import org.campus.api.workflow.LmsId;

/** An in-memory share service that records what commands ask of it. */
final class FakeShareProgressService implements ShareProgressService {

    static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123456Z");

    final Map<Long, ShareProgress> shares = new HashMap<>();
    final Map<Long, List<ShareStatusChange>> timelines = new HashMap<>();
    String nextCursor;
    CampusException failure;
    int sourceDeletedResult;

    ShareQuery lastQuery;
    PageRequest lastPage;
    SourceDeleted lastSourceDeleted;
    final List<String> calls = new ArrayList<>();

    static ShareProgress inProgress(long id, long courseId, long userId) {
        return new ShareProgress(id, LmsId.of(courseId), LmsId.of(userId), ShareType.COURSE, null, ShareStatus.IN_PROGRESS,
                null, null, T0.plusSeconds(id), T0.plusSeconds(id), false, null, 0);
    }

    FakeShareProgressService add(ShareProgress share) {
        shares.put(share.id(), share);
        timelines.computeIfAbsent(share.id(), id -> new ArrayList<>())
                .add(new ShareStatusChange(ShareStatus.IN_PROGRESS, share.timeCreated(), null, null));
        return this;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public ShareProgress start(NewShare share) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ShareProgress markSent(long id, String resourceUrl) {
        calls.add("markSent " + id + " " + resourceUrl);
        failIfAsked();
        return move(id, ShareStatus.SENT, resourceUrl, null);
    }

    @Override
    public ShareProgress markError(long id, String message) {
        calls.add("markError " + id + " " + message);
        failIfAsked();
        return move(id, ShareStatus.ERROR, null, message);
    }

    private ShareProgress move(long id, ShareStatus status, String url, String message) {
        ShareProgress s = find(id).orElseThrow(() -> NotFoundException.of("share", id));
        if (!s.status().canMoveTo(status)) {
            throw new ConflictException("share " + id + " is " + s.status().code() + ", not in_progress");
        }
        ShareProgress moved = new ShareProgress(s.id(), s.courseId(), s.userId(), s.type(), s.cmId(), status,
                url, message, s.timeCreated(), T0.plusSeconds(3600), s.sourceDeleted(), s.timeSourceDeleted(),
                s.version() + 1);
        shares.put(id, moved);
        timelines.get(id).add(new ShareStatusChange(status, moved.timeModified(), url, message));
        return moved;
    }

    @Override
    public Optional<ShareProgress> find(long id) {
        failIfAsked();
        return Optional.ofNullable(shares.get(id));
    }

    @Override
    public List<ShareStatusChange> timeline(long id) {
        failIfAsked();
        if (!shares.containsKey(id)) {
            throw NotFoundException.of("share", id);
        }
        return List.copyOf(timelines.get(id));
    }

    @Override
    public Page<ShareProgress> list(ShareQuery query, PageRequest page) {
        lastQuery = query;
        lastPage = page;
        failIfAsked();
        List<ShareProgress> items = shares.values().stream()
                .sorted((a, b) -> b.timeCreated().compareTo(a.timeCreated()))
                .limit(page.limit())
                .toList();
        return new Page<>(items, nextCursor);
    }

    @Override
    public int markSourceDeleted(SourceDeleted deleted) {
        lastSourceDeleted = deleted;
        failIfAsked();
        return sourceDeletedResult;
    }
}
