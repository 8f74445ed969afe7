package org.campus.core.internal.transfer;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.api.job.NewJob;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.PreviewConflict;
import org.campus.api.transfer.PreviewItem;
import org.campus.api.transfer.ProviderListing;
import org.campus.api.transfer.ResolutionOffer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.UndoItem;
import org.campus.api.transfer.UndoOutcome;
import org.campus.api.transfer.UndoRefusedException;
import org.campus.api.transfer.UndoResult;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.UndoRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transfer service over the registered providers: previews on the caller's thread, transfers
 * as jobs ({@link TransferExecutor}), undo on the caller's thread after a dry run. Built by
 * {@link TransferComponent}.
 */
final class TransferServiceImpl implements TransferService {

    private static final Logger LOG = LoggerFactory.getLogger(TransferServiceImpl.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTransactions jdbc;
    private final TransferRepository repository;
    private final TransferProviders providers;
    private final JobService jobs;
    private final TransferEnding ending;
    private final Undoer undoer;
    private final TransferSettings settings;
    private final Clock clock;

    TransferServiceImpl(JdbcTransactions jdbc, TransferRepository repository, TransferProviders providers,
            JobService jobs, TransferEnding ending, Undoer undoer, TransferSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.providers = providers;
        this.jobs = jobs;
        this.ending = ending;
        this.undoer = undoer;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------- preview

    @Override
    public TransferPreview preview(TransferUser from, TransferUser to, SourceAccount sourceAccount) {
        checkUsers(from, to);
        SourceAccount account = sourceAccount == null ? SourceAccount.LEFT_AS_IS : sourceAccount;
        List<PreviewItem> items = new ArrayList<>();
        List<ProviderListing> listings = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (TransferProviders.Registered p : providers.all()) {
            ItemListing listing = new ItemListing(p.id(), item -> items.add(previewItem(p, item)));
            try {
                p.provider().listItems(new Requests.Listing(from, to), listing);
                listings.add(new ProviderListing(p.id(), p.title(), p.undo(), listing.count(),
                        ProviderListing.Outcome.LISTED, null));
                if (!p.undo() && listing.count() > 0) {
                    warnings.add("The items of " + p.id() + " cannot be undone once transferred: the provider has no undo.");
                }
            } catch (TransferException e) {
                LOG.warn("Transfer provider {} could not list items: {}", p.id(), e.getMessage());
                listings.add(new ProviderListing(p.id(), p.title(), p.undo(), 0, ProviderListing.Outcome.FAILED,
                        e.adminMessage()));
                warnings.add(p.id() + " could not list its items: " + e.adminMessage());
            } catch (RuntimeException e) {
                LOG.warn("Transfer provider {} failed to list items", p.id(), e);
                listings.add(new ProviderListing(p.id(), p.title(), p.undo(), 0, ProviderListing.Outcome.FAILED,
                        "the provider failed: " + e.getMessage()));
                warnings.add(p.id() + " failed to list its items; see the log.");
            }
        }
        long irreversible = items.stream().filter(PreviewItem::irreversible).count();
        if (irreversible > 0) {
            warnings.add(irreversible + " item(s) cannot be undone once transferred.");
        }
        long conflicts = items.stream().filter(i -> i.conflict() != null).count();
        if (conflicts > 0) {
            warnings.add(conflicts + " item(s) conflict with the target's data: choose a resolution for each one selected.");
        }
        String effect = account == SourceAccount.MARKED_MERGED
                ? "Campus records the source account as merged into the target and says so in the LMS callback;"
                        + " the LMS decides what becomes of the account."
                : "The source account stays as it is, with whatever is not selected, is skipped or fails.";
        return new TransferPreview(from, to, account, effect, items, listings, warnings);
    }

    private static PreviewItem previewItem(TransferProviders.Registered p, org.campus.spi.transfer.TransferItem item) {
        boolean irreversible = item.irreversible() || !p.undo();
        String reason = item.irreversible() ? item.irreversibleReason()
                : !p.undo() ? "the transfer provider " + p.id() + " cannot undo its transfers" : null;
        PreviewConflict conflict = item.conflict().map(TransferServiceImpl::previewConflict).orElse(null);
        return new PreviewItem(p.id() + ":" + item.id(), p.id(), item.type(), item.title(), item.info(),
                List.copyOf(item.courses()), irreversible, reason, conflict);
    }

    private static PreviewConflict previewConflict(Conflict c) {
        List<ResolutionOffer> offers = new ArrayList<>();
        for (ResolutionOption o : c.options()) {
            offers.add(new ResolutionOffer(o.resolution(), o.effect(), o.irreversible(), o.irreversibleReason()));
        }
        return new PreviewConflict(c.description(), offers, c.recommended().orElse(null));
    }

    private static void checkUsers(TransferUser from, TransferUser to) {
        if (from.id().value().equals(to.id().value())) {
            throw new InvalidInputException("toUserId", "must differ from fromUserId");
        }
    }

    // ---------------------------------------------------------------------------------- start

    @Override
    public Transfer start(NewTransfer request, String requestedBy) {
        checkUsers(request.from(), request.to());
        Set<String> chosen = new LinkedHashSet<>(request.items());
        List<FieldError> errors = new ArrayList<>();
        if (!request.allItems() && chosen.isEmpty()) {
            errors.add(new FieldError("items", "choose at least one item"));
        }
        if (request.allItems() && !chosen.isEmpty()) {
            errors.add(new FieldError("items", "must be empty when allItems is true"));
        }
        throwIf(errors);

        List<TransferRepository.NewItem> selected = new ArrayList<>();
        Map<String, String> failedProviders = new HashMap<>();
        Set<String> found = new java.util.HashSet<>();
        for (TransferProviders.Registered p : providers.all()) {
            ItemListing listing = new ItemListing(p.id(), item -> {
                String qualified = p.id() + ":" + item.id();
                if (request.allItems() || chosen.contains(qualified)) {
                    found.add(qualified);
                    Resolution resolution = request.resolutions().get(qualified);
                    checkResolution(qualified, item, resolution, errors);
                    selected.add(new TransferRepository.NewItem(p.id(), item, resolution));
                }
            });
            try {
                p.provider().listItems(new Requests.Listing(request.from(), request.to()), listing);
            } catch (TransferException e) {
                failedProviders.put(p.id(), e.adminMessage());
            } catch (RuntimeException e) {
                LOG.warn("Transfer provider {} failed to list items", p.id(), e);
                failedProviders.put(p.id(), "the provider failed: " + e.getMessage());
            }
        }
        List<String> unknown = chosen.stream().filter(id -> !found.contains(id)).toList();
        for (String id : unknown) {
            String provider = id.contains(":") ? id.substring(0, id.indexOf(':')) : id;
            if (failedProviders.containsKey(provider)) {
                throw new ConflictException("the transfer provider " + provider + " could not list its items now: "
                        + failedProviders.get(provider));
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("items", "no such item (preview again): "
                    + unknown.stream().limit(20).collect(Collectors.joining(", "))
                    + (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : "")));
        }
        for (String id : request.resolutions().keySet()) {
            if (!found.contains(id) && !unknown.contains(id)) {
                errors.add(new FieldError("resolutions." + id, "names an item that is not selected"));
            }
        }
        if (selected.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("items", "the providers list no item to transfer"));
        }
        throwIf(errors);
        long id = insert(request, requestedBy, selected);
        AUDIT.info("transfer {} of {} items from user {} to user {} queued by {}", id, selected.size(),
                request.from().id(), request.to().id(), requestedBy);
        return find(id).orElseThrow();
    }

    private static void checkResolution(String id, org.campus.spi.transfer.TransferItem item, Resolution resolution,
            List<FieldError> errors) {
        Optional<Conflict> conflict = item.conflict();
        if (conflict.isEmpty()) {
            if (resolution != null) {
                errors.add(new FieldError("resolutions." + id, "the item has no conflict to resolve"));
            }
            return;
        }
        String offered = conflict.get().options().stream().map(o -> Codes.code(o.resolution()))
                .collect(Collectors.joining(", "));
        if (resolution == null) {
            errors.add(new FieldError("resolutions." + id, "the item conflicts with the target's data ("
                    + conflict.get().description() + "); choose one of " + offered));
        } else if (conflict.get().option(resolution).isEmpty()) {
            errors.add(new FieldError("resolutions." + id, Codes.code(resolution) + " is not offered; choose one of "
                    + offered));
        }
    }

    private static void throwIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() > 50 ? errors.subList(0, 50) : errors);
        }
    }

    private long insert(NewTransfer request, String requestedBy, List<TransferRepository.NewItem> selected) {
        long now = clock.millis();
        try {
            return jdbc.write(c -> {
                long id = repository.nextId(c);
                lockUsers(c, id, request.from(), request.to(), now);
                Job job = jobs.submit(new NewJob(JOB_TYPE, requestedBy,
                        Map.of(TransferExecutor.TRANSFER_ID, Long.toString(id))), c);
                repository.insert(c, id, request.from(), request.to(), request.sourceAccount(), requestedBy, job.id(),
                        selected.size(), now);
                repository.insertItems(c, id, selected);
                return id;
            });
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("another transfer touching user " + request.from().id() + " or user "
                        + request.to().id() + " started meanwhile; try again once it has ended");
            }
            throw new DatabaseException("starting a transfer failed", e);
        }
    }

    /** Takes both users for {@code holder}, or refuses naming the transfer that holds one of them. */
    private void lockUsers(java.sql.Connection c, long holder, TransferUser from, TransferUser to, long now)
            throws SQLException {
        for (TransferUser user : List.of(from, to)) {
            Optional<Long> other = repository.holder(c, user.id().value());
            if (other.isPresent() && stale(other.get())) {
                repository.unlockUser(c, user.id().value());
                other = Optional.empty();
            }
            if (other.isPresent()) {
                throw new ConflictException("user " + user.id() + " is being transferred by transfer " + other.get()
                        + "; try again once it has ended");
            }
            repository.lock(c, user.id().value(), holder, now);
        }
    }

    /** A lock left by a transfer whose job ended without ending it (it died for good); ends it now. */
    private boolean stale(long holder) {
        Transfer t = jdbc.read("reading a transfer", c -> repository.find(c, holder, 0)).orElse(null);
        if (t == null) {
            return true;
        }
        return reconcile(t).state().isEnded() && !Boolean.TRUE.equals(undoing.get(holder));
    }

    /** Transfers being undone on this node (an undo holds the users under the transfer's own id). */
    private final Map<Long, Boolean> undoing = new java.util.concurrent.ConcurrentHashMap<>();

    // ---------------------------------------------------------------------------------- reading

    @Override
    public Optional<Transfer> find(long id) {
        Optional<Transfer> t = jdbc.read("reading a transfer", c -> repository.find(c, id, 0));
        return t.map(this::reconcile).map(this::withProgress);
    }

    private Transfer withProgress(Transfer t) {
        int progress = t.state().isEnded() ? 100 : jobs.find(t.jobId()).map(Job::progress).orElse(0);
        return new Transfer(t.id(), t.from(), t.to(), t.state(), t.sourceAccount(), t.requestedBy(), t.timeCreated(),
                t.timeStarted(), t.timeEnded(), t.jobId(), progress, t.reason(), t.counts(), t.verification(),
                t.undoState(), t.undoneBy(), t.timeUndone(), t.undoReason(), t.callbackJobId());
    }

    /** A transfer whose job ended without ending it (cancelled while queued, failed for good) is ended now. */
    private Transfer reconcile(Transfer t) {
        if (t.state().isEnded()) {
            return t;
        }
        Job job = jobs.find(t.jobId()).orElse(null);
        if (job == null || !job.state().isEnded() || job.state() == JobState.COMPLETED) {
            return t;
        }
        try {
            ending.end(t, job.state() == JobState.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED,
                    job.reason() == null ? job.state().code() : job.reason(), null);
        } catch (SQLException e) {
            throw new DatabaseException("ending transfer " + t.id() + " failed", e);
        }
        return jdbc.read("reading a transfer", c -> repository.find(c, t.id(), 0)).orElse(t);
    }

    @Override
    public Page<Transfer> list(TransferQuery query, PageRequest page) {
        return jdbc.read("listing transfers", c -> repository.list(c, query, page));
    }

    @Override
    public Page<TransferItemResult> items(long id, PageRequest page) {
        if (find(id).isEmpty()) {
            throw NotFoundException.of("transfer", id);
        }
        Long after = Cursors.decodeId(page.cursor());
        List<TransferRepository.ItemRow> rows = jdbc.read("reading transfer items", c -> repository.items(c, id, null,
                after == null ? 0 : after.intValue(), false, page.limit() + 1, false));
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = Cursors.afterId(rows.get(rows.size() - 1).seqNo());
        }
        return new Page<>(rows.stream().map(TransferRepository::result).toList(), next);
    }

    // ---------------------------------------------------------------------------------- cancel

    @Override
    public Transfer cancel(long id) {
        Transfer t = find(id).orElseThrow(() -> NotFoundException.of("transfer", id));
        if (t.state().isEnded()) {
            throw new ConflictException("transfer " + id + " has ended (" + t.state().code() + ")");
        }
        jobs.cancel(t.jobId());
        return find(id).orElseThrow();
    }

    // ---------------------------------------------------------------------------------- undo

    @Override
    public UndoResult undo(long id, String requestedBy) {
        Transfer t = find(id).orElseThrow(() -> NotFoundException.of("transfer", id));
        if (!t.state().isEnded()) {
            throw new ConflictException("transfer " + id + " has not ended (" + t.state().code()
                    + "): cancel it, or wait until it has ended");
        }
        if ("undone".equals(t.undoState())) {
            throw new ConflictException("transfer " + id + " was undone already, by " + t.undoneBy() + " at "
                    + t.timeUndone());
        }
        if (t.timeEnded().plus(settings.undoWindow()).isBefore(clock.instant())) {
            List<UndoItem> refused = new ArrayList<>();
            for (TransferRepository.ItemRow row : new PagedItems<>(jdbc, repository, id, null, false, true, r -> r,
                    ItemResult.TRANSFERRED, ItemResult.FAILED)) {
                refused.add(new UndoItem(row.qualifiedId(), row.provider(), UndoOutcome.REFUSED,
                        UndoRefusal.PAST_UNDO_WINDOW, "the transfer ended more than " + settings.undoWindow().toDays()
                                + " days ago"));
            }
            throw new UndoRefusedException("transfer " + id + " ended at " + t.timeEnded() + ", past the undo window of "
                    + settings.undoWindow().toDays() + " days", refused);
        }
        undoing.put(id, Boolean.TRUE);
        try {
            lock(t);
            try {
                return undoLocked(t, requestedBy);
            } finally {
                jdbc.write("freeing the users of an undo", c -> {
                    repository.unlock(c, id);
                    return null;
                });
            }
        } finally {
            undoing.remove(id);
        }
    }

    private void lock(Transfer t) {
        long now = clock.millis();
        try {
            jdbc.write(c -> {
                lockUsers(c, t.id(), t.from(), t.to(), now);
                return null;
            });
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("another transfer touching user " + t.from().id() + " or user "
                        + t.to().id() + " started meanwhile; try again once it has ended");
            }
            throw new DatabaseException("locking the users of transfer " + t.id() + " failed", e);
        }
    }

    private UndoResult undoLocked(Transfer t, String requestedBy) {
        long candidates = new PagedItems<>(jdbc, repository, t.id(), null, false, true, r -> r, ItemResult.TRANSFERRED,
                ItemResult.FAILED).count();
        if (candidates == 0) {
            throw new UndoRefusedException("transfer " + t.id() + " has nothing to undo: no item was transferred",
                    List.of());
        }
        List<UndoItem> refused = undoer.run(t, true, null, null);
        if (!refused.isEmpty()) {
            Map<UndoRefusal, Long> reasons = refused.stream()
                    .collect(Collectors.groupingBy(UndoItem::reason, java.util.TreeMap::new, Collectors.counting()));
            throw new UndoRefusedException("transfer " + t.id() + " cannot be undone, nothing was changed: "
                    + reasons.entrySet().stream().map(e -> e.getValue() + " item(s) " + Codes.code(e.getKey()))
                            .collect(Collectors.joining(", ")), refused);
        }
        List<UndoItem> done = undoer.run(t, false, null, Writes.of(jdbc));
        boolean complete = done.stream().allMatch(u -> u.outcome() == UndoOutcome.UNDONE);
        String reason = complete ? null
                : done.stream().filter(u -> u.outcome() != UndoOutcome.UNDONE).count() + " item(s) could not be undone";
        jdbc.write("recording an undo", c -> {
            Long callback = ending.queueCallback(c, t.id(), "undo");
            repository.undone(c, t.id(), complete ? "undone" : "failed", requestedBy, reason, callback, clock.millis());
            return null;
        });
        AUDIT.info("transfer {} undone by {}: {} items{}", t.id(), requestedBy, done.size(),
                complete ? "" : " (" + reason + ")");
        ending.post(TOPIC_UNDONE, t, complete ? "undone" : "failed", false, ItemResult.UNDONE);
        return new UndoResult(t.id(), complete, done);
    }
}
