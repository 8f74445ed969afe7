package org.campus.core.internal.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.campus.api.workflow.LmsId;
import org.campus.spi.LogLevel;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.ItemBuilder;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;
import org.campus.spi.transfer.TransferItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link ListingContext}: checks every item as the SPI says and hands it to a sink at
 * once, so that a listing of many items is never held twice.
 */
final class ItemListing implements ListingContext {

    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    static final Pattern ITEM_TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    static final int MAX_PARAMETER_CHARS = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(ItemListing.class);
    private static final String SKIP_EFFECT = "Nothing happens to this item: both accounts keep their own data.";

    private final String provider;
    private final Consumer<StoredItem> sink;
    private final Set<String> ids = new HashSet<>();

    ItemListing(String provider, Consumer<StoredItem> sink) {
        this.provider = provider;
        this.sink = sink;
    }

    int count() {
        return ids.size();
    }

    @Override
    public ItemBuilder item(String id, String type) {
        require(id != null && ITEM_ID.matcher(id).matches(), "item id not of the form [A-Za-z0-9._:/-]{1,200}: " + id);
        require(type != null && ITEM_TYPE.matcher(type).matches(), "item type not a lowercase token: " + type);
        return new Builder(id, type);
    }

    @Override
    public void initProgress(long steps) {
        // a listing answers a request: no progress to show
    }

    @Override
    public void incrementProgress(long steps) {
        // as above
    }

    @Override
    public void estimateRemaining(Duration remaining) {
        // as above
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void log(LogLevel level, String message, Object... arguments) {
        String line = "transfer provider " + provider + ": " + message;
        switch (level) {
            case ERROR -> LOG.error(line, arguments);
            case WARN -> LOG.warn(line, arguments);
            case INFO -> LOG.info(line, arguments);
            default -> LOG.debug(line, arguments);
        }
    }

    @Override
    public void heartbeat() {
        // nothing watches a listing
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void notBlank(String value, String what) {
        require(value != null && !value.isBlank(), what + " is blank");
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
            notBlank(title, "title");
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
            notBlank(name, "parameter name");
            require(value != null, "parameter " + name + " has no value");
            require(!parameters.containsKey(name), "parameter " + name + " given twice");
            parameterChars += name.length() + value.length();
            require(parameterChars <= MAX_PARAMETER_CHARS, "parameters longer than " + MAX_PARAMETER_CHARS + " characters");
            parameters.put(name, value);
            return this;
        }

        @Override
        public ItemBuilder course(LmsId courseId) {
            require(courseId != null, "course id is null");
            courses.add(courseId);
            return this;
        }

        @Override
        public ItemBuilder irreversible(String reason) {
            notBlank(reason, "irreversible reason");
            this.irreversibleReason = reason;
            return this;
        }

        @Override
        public ItemBuilder conflict(String description) {
            notBlank(description, "conflict description");
            require(conflict == null, "conflict given twice");
            this.conflict = description;
            return this;
        }

        @Override
        public ItemBuilder offer(Resolution resolution, String effect) {
            return option(new StoredItem.Option(resolution, effect, null));
        }

        @Override
        public ItemBuilder offerIrreversible(Resolution resolution, String effect, String reason) {
            notBlank(reason, "irreversible reason");
            return option(new StoredItem.Option(resolution, effect, reason));
        }

        private ItemBuilder option(StoredItem.Option option) {
            require(conflict != null, "a resolution is offered only for a conflict");
            require(option.resolution() != null, "resolution is null");
            notBlank(option.effect(), "effect of " + option.resolution());
            require(!options.containsKey(option.resolution()), option.resolution() + " offered twice");
            options.put(option.resolution(), option);
            return this;
        }

        @Override
        public ItemBuilder recommend(Resolution resolution) {
            require(conflict != null, "a recommendation needs a conflict");
            require(recommended == null, "recommendation given twice");
            this.recommended = resolution;
            return this;
        }

        @Override
        public TransferItem add() {
            require(!added, "an item builder is used once");
            notBlank(title, "title of item " + id);
            require(!ids.contains(id), "item id listed twice: " + id);
            Optional<Conflict> clash = Optional.empty();
            if (conflict != null) {
                require(!options.isEmpty(), "conflict of item " + id + " offers no resolution");
                options.putIfAbsent(Resolution.SKIP, new StoredItem.Option(Resolution.SKIP, SKIP_EFFECT, null));
                require(recommended == null || options.containsKey(recommended),
                        "recommended " + recommended + " is not offered for item " + id);
                clash = Optional.of(new StoredItem.ItemConflict(conflict, new ArrayList<>(options.values()),
                        Optional.ofNullable(recommended)));
            }
            added = true;
            ids.add(id);
            StoredItem item = new StoredItem(id, type, title, info, parameters, courses, irreversibleReason, clash);
            sink.accept(item);
            return item;
        }
    }
}
