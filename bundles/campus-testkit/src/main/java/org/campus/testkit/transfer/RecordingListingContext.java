package org.campus.testkit.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.ItemBuilder;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;
import org.campus.spi.transfer.TransferItem;

/** Collects the listed items, checking each as the core does. */
final class RecordingListingContext extends BaseContext implements ListingContext {

    final List<TransferItem> items = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    RecordingListingContext(BooleanSupplier cancelled) {
        super(cancelled);
    }

    @Override
    public ItemBuilder item(String id, String type) {
        Checks.require(id != null && Checks.ITEM_ID.matcher(id).matches(), "item id not of the form [A-Za-z0-9._:/-]{1,200}: " + id);
        Checks.require(type != null && Checks.ITEM_TYPE.matcher(type).matches(), "item type not a lowercase token: " + type);
        return new Builder(id, type);
    }

    private final class Builder implements ItemBuilder {
        private final String id;
        private final String type;
        private String title;
        private String info;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private int parameterChars;
        private final Set<LmsId> courses = new LinkedHashSet<>();
        private String irreversibleReason;
        private String conflict;
        private final Map<Resolution, ResolutionOption> options = new LinkedHashMap<>();
        private Resolution recommended;
        private boolean added;

        Builder(String id, String type) {
            this.id = id;
            this.type = type;
        }

        @Override
        public ItemBuilder title(String title) {
            Checks.notBlank(title, "title");
            this.title = title;
            return this;
        }

        @Override
        public ItemBuilder info(String info) {
            this.info = info;
            return this;
        }

        @Override
        public ItemBuilder parameter(String name, String value) {
            Checks.notBlank(name, "parameter name");
            Checks.require(value != null, "parameter " + name + " has no value");
            Checks.require(!parameters.containsKey(name), "parameter " + name + " given twice");
            parameterChars += name.length() + value.length();
            Checks.require(parameterChars <= Checks.MAX_PARAMETER_CHARS,
                    "parameters longer than " + Checks.MAX_PARAMETER_CHARS + " characters");
            parameters.put(name, value);
            return this;
        }

        @Override
        public ItemBuilder course(LmsId courseId) {
            Checks.require(courseId != null, "course id is null");
            courses.add(courseId);
            return this;
        }

        @Override
        public ItemBuilder irreversible(String reason) {
            Checks.notBlank(reason, "irreversible reason");
            this.irreversibleReason = reason;
            return this;
        }

        @Override
        public ItemBuilder conflict(String description) {
            Checks.notBlank(description, "conflict description");
            Checks.require(conflict == null, "conflict given twice");
            this.conflict = description;
            return this;
        }

        @Override
        public ItemBuilder offer(Resolution resolution, String effect) {
            return option(new SimpleConflict.Option(resolution, effect, false, null));
        }

        @Override
        public ItemBuilder offerIrreversible(Resolution resolution, String effect, String reason) {
            Checks.notBlank(reason, "irreversible reason");
            return option(new SimpleConflict.Option(resolution, effect, true, reason));
        }

        private ItemBuilder option(SimpleConflict.Option option) {
            Checks.require(conflict != null, "a resolution is offered only for a conflict");
            Checks.require(option.resolution() != null, "resolution is null");
            Checks.notBlank(option.effect(), "effect of " + option.resolution());
            Checks.require(!options.containsKey(option.resolution()), option.resolution() + " offered twice");
            options.put(option.resolution(), option);
            return this;
        }

        @Override
        public ItemBuilder recommend(Resolution resolution) {
            Checks.require(conflict != null, "a recommendation needs a conflict");
            Checks.require(recommended == null, "recommendation given twice");
            this.recommended = resolution;
            return this;
        }

        @Override
        public TransferItem add() {
            Checks.require(!added, "an item builder is used once");
            Checks.notBlank(title, "title of item " + id);
            Checks.require(ids.add(id), "item id listed twice: " + id);
            Optional<Conflict> clash = Optional.empty();
            if (conflict != null) {
                Checks.require(!options.isEmpty(), "conflict of item " + id + " offers no resolution");
                options.putIfAbsent(Resolution.SKIP, new SimpleConflict.Option(Resolution.SKIP,
                        "Nothing happens: both accounts keep their own data.", false, null));
                Checks.require(recommended == null || options.containsKey(recommended),
                        "recommended " + recommended + " is not offered for item " + id);
                clash = Optional.of(new SimpleConflict(conflict, new ArrayList<>(options.values()),
                        Optional.ofNullable(recommended)));
            }
            added = true;
            SimpleItem item = new SimpleItem(id, type, title, info, parameters, courses, irreversibleReason != null,
                    irreversibleReason, clash);
            items.add(item);
            return item;
        }
    }
}
