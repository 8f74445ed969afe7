package org.campus.core.internal.provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.campus.api.provider.ProviderDescription;
import org.campus.api.provider.ProviderKind;
import org.campus.api.provider.ProviderLease;
import org.campus.api.provider.ProviderRegistry;
import org.campus.api.provider.ProviderUnavailableException;
import org.campus.core.internal.event.Events;
import org.campus.spi.Provider;
import org.campus.spi.ProviderHealth;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ActivityInput;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.transfer.TransferProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks storage drivers, activity archivers and transfer providers as their bundles register and unregister them
 * (dynamic, greedy, multiple references). A provider is held only between its bind and unbind, so
 * a lookup never answers with a provider that is gone; a lease taken before tells, through
 * {@link ProviderLease#isAvailable()}, that its very service is no longer registered.
 *
 * <p>Service properties are read once, at bind: a provider with a missing or malformed id, or
 * whose id another provider of its kind holds with a higher rank, is listed with health
 * {@code down} and the reason, and never handed out.
 */
@Component(service = ProviderRegistry.class)
public class ProviderRegistryImpl implements ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistryImpl.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    /** Higher ranking first, then the older registration (lower service id), as OSGi picks services. */
    private static final Comparator<Registered<?>> PRECEDENCE = Comparator
            .<Registered<?>>comparingInt(r -> -r.ranking()).thenComparingLong(Registered::serviceId);

    private final Events events;
    private final ConcurrentMap<Long, Registered<StorageDriver>> storage = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Registered<ActivityArchiver>> archivers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Registered<TransferProvider>> transfers = new ConcurrentHashMap<>();

    @Activate
    public ProviderRegistryImpl(@Reference Events events) {
        this.events = events;
    }

    // ---- tracking

    @Reference(name = "storage", service = StorageDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindStorage", updated = "updatedStorage")
    void bindStorage(ServiceReference<StorageDriver> ref, StorageDriver driver) {
        add(storage, describe(ProviderKind.STORAGE, driver, ref));
    }

    void updatedStorage(ServiceReference<StorageDriver> ref, StorageDriver driver) {
        storage.put(serviceId(ref), describe(ProviderKind.STORAGE, driver, ref));
    }

    void unbindStorage(ServiceReference<StorageDriver> ref) {
        remove(storage, serviceId(ref));
    }

    @Reference(name = "archiver", service = ActivityArchiver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindArchiver", updated = "updatedArchiver")
    void bindArchiver(ServiceReference<ActivityArchiver> ref, ActivityArchiver archiver) {
        add(archivers, describe(ProviderKind.ARCHIVER, archiver, ref));
    }

    void updatedArchiver(ServiceReference<ActivityArchiver> ref, ActivityArchiver archiver) {
        archivers.put(serviceId(ref), describe(ProviderKind.ARCHIVER, archiver, ref));
    }

    void unbindArchiver(ServiceReference<ActivityArchiver> ref) {
        remove(archivers, serviceId(ref));
    }

    /** Listed here for the overview and its health; the transfer service takes them from its own tracker. */
    @Reference(name = "transfer", service = TransferProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindTransfer", updated = "updatedTransfer")
    void bindTransfer(ServiceReference<TransferProvider> ref, TransferProvider provider) {
        add(transfers, describe(ProviderKind.TRANSFER, provider, ref));
    }

    void updatedTransfer(ServiceReference<TransferProvider> ref, TransferProvider provider) {
        transfers.put(serviceId(ref), describe(ProviderKind.TRANSFER, provider, ref));
    }

    void unbindTransfer(ServiceReference<TransferProvider> ref) {
        remove(transfers, serviceId(ref));
    }

    /**
     * Registers a transfer provider as a service registration with these properties (its
     * {@code service.id} among them) would, for code that runs the core outside OSGi: tests and the
     * transfer benchmark.
     */
    public void addTransferProvider(TransferProvider provider, Map<String, Object> properties, String bundle,
            String version) {
        add(transfers, Registered.of(ProviderKind.TRANSFER, provider, properties, bundle, version));
    }

    private static <T extends Provider> Registered<T> describe(ProviderKind kind, T service, ServiceReference<?> ref) {
        Map<String, Object> properties = new java.util.HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            properties.put(key, ref.getProperty(key));
        }
        Bundle bundle = ref.getBundle();
        return Registered.of(kind, service, properties,
                bundle == null ? "unknown" : String.valueOf(bundle.getSymbolicName()),
                bundle == null ? "0.0.0" : bundle.getVersion().toString());
    }

    private static long serviceId(ServiceReference<?> ref) {
        return ((Number) ref.getProperty(Constants.SERVICE_ID)).longValue();
    }

    /** Package-private for tests outside OSGi. */
    <T extends Provider> void add(ConcurrentMap<Long, Registered<T>> map, Registered<T> r) {
        map.put(r.serviceId(), r);
        if (r.problem() != null) {
            LOG.warn("The {} cannot be used: {}", r.label(), r.problem());
        } else {
            LOG.info("{} registered{}", capitalized(r.label()),
                    r.handles().isEmpty() ? "" : ", for activity types " + r.handles());
        }
        events.post(TOPIC_REGISTERED, "kind", r.kind().value(), "id", r.id(), "bundle", r.bundle(),
                "version", r.version());
    }

    <T extends Provider> void remove(ConcurrentMap<Long, Registered<T>> map, long serviceId) {
        Registered<T> r = map.remove(serviceId);
        if (r != null) {
            LOG.info("{} unregistered", capitalized(r.label()));
            events.post(TOPIC_UNREGISTERED, "kind", r.kind().value(), "id", r.id(), "bundle", r.bundle(),
                    "version", r.version());
        }
    }

    ConcurrentMap<Long, Registered<StorageDriver>> storageMap() {
        return storage;
    }

    ConcurrentMap<Long, Registered<ActivityArchiver>> archiverMap() {
        return archivers;
    }

    ConcurrentMap<Long, Registered<TransferProvider>> transferMap() {
        return transfers;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- answers

    @Override
    public List<ProviderDescription> providers() {
        List<ProviderDescription> all = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            all.addAll(providers(kind));
        }
        return all;
    }

    @Override
    public List<ProviderDescription> providers(ProviderKind kind) {
        Map<Long, ? extends Registered<?>> map = map(kind);
        if (map == null) {
            return List.of();
        }
        List<Registered<?>> entries = new ArrayList<>(map.values());
        entries.sort(Comparator.<Registered<?>, String>comparing(Registered::id).thenComparing(PRECEDENCE));
        return entries.stream().map(r -> r.description(health(r, entries))).collect(Collectors.toList());
    }

    @Override
    public Optional<ProviderDescription> find(ProviderKind kind, String id) {
        return providers(kind).stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public ProviderLease<StorageDriver> storageDriver(String id) {
        return byId(storage, ProviderKind.STORAGE, id, "storage driver");
    }

    @Override
    public ProviderLease<ActivityArchiver> archiverFor(String activityType) {
        return usable(archivers).filter(r -> r.handles().contains(activityType)).findFirst()
                .map(r -> lease(archivers, r))
                .orElseThrow(() -> new ProviderUnavailableException(ProviderKind.ARCHIVER, activityType,
                        "No archiver for activity type '" + activityType + "' is registered"));
    }

    @Override
    public ProviderLease<ActivityArchiver> archiver(String id) {
        return byId(archivers, ProviderKind.ARCHIVER, id, "archiver");
    }

    @Override
    public ProviderLease<TransferProvider> transferProvider(String id) {
        return byId(transfers, ProviderKind.TRANSFER, id, "transfer provider");
    }

    private static <T extends Provider> ProviderLease<T> byId(Map<Long, Registered<T>> map, ProviderKind kind,
            String id, String what) {
        return usable(map).filter(r -> r.id().equals(id)).findFirst().map(r -> lease(map, r))
                .orElseThrow(() -> new ProviderUnavailableException(kind, id, "No " + what + " '" + id
                        + "' is registered"));
    }

    @Override
    public List<ProviderLease<TransferProvider>> transferProviders() {
        return usable(transfers).sorted(Comparator.comparing(Registered::id)).map(r -> lease(transfers, r))
                .collect(Collectors.toList());
    }

    private Map<Long, ? extends Registered<?>> map(ProviderKind kind) {
        switch (kind) {
            case STORAGE:
                return storage;
            case ARCHIVER:
                return archivers;
            case TRANSFER:
                return transfers;
            default:
                return null;
        }
    }

    /** Providers with valid properties that hold their id, by precedence. */
    private static <T extends Provider> java.util.stream.Stream<Registered<T>> usable(Map<Long, Registered<T>> map) {
        List<Registered<T>> entries = new ArrayList<>(map.values());
        entries.sort(PRECEDENCE);
        return entries.stream().filter(r -> r.problem() == null && shadowedBy(r, entries) == null);
    }

    /** The provider of the same kind with a higher precedence holding the same id, or {@code null}. */
    private static Registered<?> shadowedBy(Registered<?> r, List<? extends Registered<?>> entries) {
        if (r.problem() != null) {
            return null;
        }
        return entries.stream().filter(o -> o != r && o.problem() == null && o.id().equals(r.id())
                && PRECEDENCE.compare(o, r) < 0).findFirst().orElse(null);
    }

    private static ProviderHealth health(Registered<?> r, List<? extends Registered<?>> entries) {
        if (r.problem() != null) {
            return ProviderHealth.down(r.problem());
        }
        Registered<?> winner = shadowedBy(r, entries);
        if (winner != null) {
            return ProviderHealth.down("Not used: the " + winner.label() + " has the same id and a higher rank");
        }
        try {
            ProviderHealth h = r.service().health();
            return h == null ? ProviderHealth.degraded("The provider reported no health") : h;
        } catch (RuntimeException e) {
            LOG.warn("The health check of the {} failed", r.label(), e);
            return ProviderHealth.down("Its health check failed: " + e);
        }
    }

    private static <T extends Provider> ProviderLease<T> lease(Map<Long, Registered<T>> map, Registered<T> r) {
        return new ProviderLease<T>() {
            // the health check may be slow (a remote system): only a caller that asks for the description runs it
            private volatile ProviderDescription description;

            @Override
            public T service() {
                return r.service();
            }

            @Override
            public ProviderDescription description() {
                ProviderDescription d = description;
                if (d == null) {
                    d = r.description(health(r, List.of()));
                    description = d;
                }
                return d;
            }

            @Override
            public Map<String, Object> properties() {
                return r.properties();
            }

            @Override
            public boolean isAvailable() {
                return map.get(r.serviceId()) == r;
            }

            @Override
            public String toString() {
                return r.label();
            }
        };
    }

    /** One registered provider service and what its properties say. */
    record Registered<T extends Provider>(ProviderKind kind, long serviceId, int ranking, String id, String bundle,
            String version, T service, List<String> handles, List<String> inputs, String title, String problem,
            Map<String, Object> properties) {

        static <T extends Provider> Registered<T> of(ProviderKind kind, T service, Map<String, Object> properties,
                String bundle, String version) {
            long serviceId = properties.get(Constants.SERVICE_ID) instanceof Number n ? n.longValue() : -1;
            int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
            String idProperty = switch (kind) {
                case STORAGE -> StorageDriver.PROPERTY_ID;
                case ARCHIVER -> ActivityArchiver.PROPERTY_ID;
                case TRANSFER -> TransferProvider.PROPERTY_ID;
            };
            Object rawId = properties.get(idProperty);
            List<String> problems = new ArrayList<>();
            String id;
            if (rawId instanceof String s && ID.matcher(s).matches()) {
                id = s;
            } else {
                id = "service-" + serviceId;
                problems.add(rawId == null ? "it has no " + idProperty + " property"
                        : "its " + idProperty + " is not 1 to 64 lower-case letters, digits, '.' and '-'");
            }
            List<String> handles = List.of();
            List<String> inputs = List.of();
            String title = null;
            if (kind == ProviderKind.ARCHIVER) {
                handles = strings(properties.get(ActivityArchiver.PROPERTY_ACTIVITY_TYPES));
                if (handles.isEmpty()) {
                    problems.add("it names no activity types (" + ActivityArchiver.PROPERTY_ACTIVITY_TYPES + ")");
                } else if (!handles.stream().allMatch(t -> ID.matcher(t).matches())) {
                    problems.add("an activity type in " + ActivityArchiver.PROPERTY_ACTIVITY_TYPES
                            + " is not 1 to 64 lower-case letters, digits, '.' and '-'");
                }
                inputs = strings(properties.get(ActivityArchiver.PROPERTY_INPUTS));
                if (inputs.isEmpty()) {
                    inputs = List.of(ActivityInput.CAMPUS.value());
                } else if (!inputs.stream().allMatch(i -> ActivityInput.fromValue(i).isPresent())) {
                    problems.add("an input in " + ActivityArchiver.PROPERTY_INPUTS
                            + " is not one of campus, inline, uploads");
                }
            } else if (properties.get(kind == ProviderKind.TRANSFER ? TransferProvider.PROPERTY_TITLE
                    : StorageDriver.PROPERTY_TITLE) instanceof String s && !s.isBlank()) {
                title = s;
            }
            return new Registered<>(kind, serviceId, ranking, id, bundle, version, service, handles, inputs, title,
                    problems.isEmpty() ? null : String.join("; ", problems), Map.copyOf(properties));
        }

        private static List<String> strings(Object value) {
            List<String> out = new ArrayList<>();
            if (value instanceof String s) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            } else if (value instanceof String[] a) {
                for (String s : a) {
                    out.addAll(strings(s));
                }
            } else if (value instanceof java.util.Collection<?> c) {
                c.forEach(v -> out.addAll(strings(String.valueOf(v))));
            }
            return List.copyOf(new java.util.LinkedHashSet<>(out));
        }

        String label() {
            return kind.value() + " '" + id + "' (" + bundle + " " + version + ")";
        }

        ProviderDescription description(ProviderHealth health) {
            return new ProviderDescription(kind, id, bundle, version, health, handles, inputs, title);
        }
    }
}
