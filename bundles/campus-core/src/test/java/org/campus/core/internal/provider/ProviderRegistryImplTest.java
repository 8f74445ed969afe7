package org.campus.core.internal.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.campus.api.provider.ProviderDescription;
import org.campus.api.provider.ProviderKind;
import org.campus.api.provider.ProviderLease;
import org.campus.api.provider.ProviderUnavailableException;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.provider.ProviderRegistryImpl.Registered;
import org.campus.spi.ProviderHealth;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ArchiveContext;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.storage.StorageStatus;
import org.campus.spi.storage.StoredArchive;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.UndoContext;
import org.campus.spi.transfer.UndoRequest;
import org.campus.spi.transfer.VerificationContext;
import org.campus.spi.transfer.VerificationRequest;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.service.event.Event;

class ProviderRegistryImplTest {

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final ProviderRegistryImpl registry = new ProviderRegistryImpl(Events.unfiltered(eventAdmin));
    private long nextServiceId = 1;

    /** A driver that holds nothing; only its identity and health matter here. */
    private static class Driver implements StorageDriver {
        volatile ProviderHealth health = ProviderHealth.up();

        @Override
        public StoredArchive store(ArchiveMetadata metadata, InputStream data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream retrieve(String location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String location) {
            return false;
        }

        @Override
        public boolean delete(String location) {
            return false;
        }

        @Override
        public StorageStatus status() {
            return StorageStatus.reachable(1, 2, null);
        }

        @Override
        public ProviderHealth health() {
            return health;
        }
    }

    private static final ActivityArchiver ARCHIVER = new ActivityArchiver() {
        @Override
        public ArchiveResult archive(ArchiveContext context) {
            return context.result().succeeded();
        }
    };

    private Map<String, Object> props(Object... keyValues) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.SERVICE_ID, nextServiceId++);
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private Registered<StorageDriver> addDriver(StorageDriver d, Object... keyValues) {
        Registered<StorageDriver> r = Registered.of(ProviderKind.STORAGE, d, props(keyValues), "campus-storage-test",
                "1.2.3");
        registry.add(registry.storageMap(), r);
        return r;
    }

    private Registered<ActivityArchiver> addArchiver(ActivityArchiver a, Object... keyValues) {
        Registered<ActivityArchiver> r = Registered.of(ProviderKind.ARCHIVER, a, props(keyValues),
                "campus-archiver-test", "0.1.0");
        registry.add(registry.archiverMap(), r);
        return r;
    }

    /** A transfer provider that lists nothing; only its identity and health matter here. */
    private static class QuietTransfer implements TransferProvider {
        @Override
        public void listItems(ListingRequest request, ListingContext context) {
        }

        @Override
        public void transfer(ExecutionRequest request, ExecutionContext context) {
        }

        @Override
        public void undo(UndoRequest request, UndoContext context) {
        }

        @Override
        public void verify(VerificationRequest request, VerificationContext context) {
        }
    }

    private static final TransferProvider TRANSFER = new QuietTransfer();

    @Test
    void transferProvidersAreListedAsTheyComeAndGoAndOneWithoutAnIdIsDown() {
        Registered<TransferProvider> moodle = Registered.of(ProviderKind.TRANSFER, TRANSFER,
                props(TransferProvider.PROPERTY_ID, "moodle", TransferProvider.PROPERTY_TITLE, "Moodle"),
                "campus-transfer-moodle", "0.2.0");
        registry.add(registry.transferMap(), moodle);
        registry.add(registry.transferMap(), Registered.of(ProviderKind.TRANSFER, TRANSFER, props(),
                "campus-transfer-broken", "0.1.0"));

        List<ProviderDescription> listed = registry.providers(ProviderKind.TRANSFER);
        assertEquals(2, listed.size());
        ProviderDescription first = registry.find(ProviderKind.TRANSFER, "moodle").orElseThrow();
        assertEquals("campus-transfer-moodle", first.bundle());
        assertEquals("Moodle", first.title());
        assertEquals(ProviderHealth.Status.UP, first.health().status());
        ProviderDescription broken = listed.stream().filter(d -> !d.id().equals("moodle")).findFirst().orElseThrow();
        assertEquals(ProviderHealth.Status.DOWN, broken.health().status());
        assertTrue(broken.health().detail().contains(TransferProvider.PROPERTY_ID), broken.health().detail());
        assertTrue(registry.providers().containsAll(listed));

        registry.remove(registry.transferMap(), moodle.serviceId());
        assertTrue(registry.find(ProviderKind.TRANSFER, "moodle").isEmpty());
    }

    @Test
    void transferProvidersAreLeasedByIdHighestRankFirstWithTheirPropertiesAndNoHealthCheckUntilAsked() {
        AtomicInteger healthChecks = new AtomicInteger();
        TransferProvider counted = new QuietTransfer() {
            @Override
            public ProviderHealth health() {
                healthChecks.incrementAndGet();
                return ProviderHealth.up();
            }
        };
        registry.add(registry.transferMap(), Registered.of(ProviderKind.TRANSFER, TRANSFER,
                props(TransferProvider.PROPERTY_ID, "notes", TransferProvider.PROPERTY_UNDO, false),
                "campus-transfer-notes", "0.1.0"));
        Registered<TransferProvider> ranked = Registered.of(ProviderKind.TRANSFER, counted,
                props(TransferProvider.PROPERTY_ID, "notes", TransferProvider.PROPERTY_UNDO, true,
                        Constants.SERVICE_RANKING, 10), "campus-transfer-notes2", "0.2.0");
        registry.add(registry.transferMap(), ranked);
        registry.add(registry.transferMap(), Registered.of(ProviderKind.TRANSFER, TRANSFER,
                props(TransferProvider.PROPERTY_ID, "badges"), "campus-transfer-badges", "0.1.0"));
        registry.add(registry.transferMap(), Registered.of(ProviderKind.TRANSFER, TRANSFER, props(),
                "campus-transfer-broken", "0.1.0"));

        ProviderLease<TransferProvider> notes = registry.transferProvider("notes");
        assertSame(counted, notes.service());
        assertEquals(Boolean.TRUE, notes.properties().get(TransferProvider.PROPERTY_UNDO));
        assertThrows(UnsupportedOperationException.class, () -> notes.properties().put("x", 1));
        assertEquals(List.of("badges", "notes"),
                registry.transferProviders().stream().map(l -> l.properties().get(TransferProvider.PROPERTY_ID))
                        .toList());
        assertEquals(0, healthChecks.get(), "a lease runs no health check until its description is asked for");
        assertEquals("campus-transfer-notes2", notes.description().bundle());
        assertEquals(1, healthChecks.get());
        assertTrue(notes.isAvailable());

        registry.remove(registry.transferMap(), ranked.serviceId());
        assertFalse(notes.isAvailable());
        assertEquals(Boolean.FALSE, registry.transferProvider("notes").properties().get(TransferProvider.PROPERTY_UNDO));
        ProviderUnavailableException missing = assertThrows(ProviderUnavailableException.class,
                () -> registry.transferProvider("forum"));
        assertTrue(missing.getMessage().contains("'forum'"), missing.getMessage());
    }

    @Test
    void listsEveryProviderWithKindIdBundleVersionAndHealth() {
        addDriver(new Driver(), StorageDriver.PROPERTY_ID, "local", StorageDriver.PROPERTY_TITLE, "Local disk");
        addArchiver(ARCHIVER, ActivityArchiver.PROPERTY_ID, "workflow", ActivityArchiver.PROPERTY_ACTIVITY_TYPES,
                "workflow");
        addArchiver(ARCHIVER, ActivityArchiver.PROPERTY_ID, "files", ActivityArchiver.PROPERTY_ACTIVITY_TYPES,
                new String[] {"files", "assign"}, ActivityArchiver.PROPERTY_INPUTS, "uploads");

        List<ProviderDescription> all = registry.providers();

        assertEquals(List.of("storage/local", "archiver/files", "archiver/workflow"),
                all.stream().map(d -> d.kind().value() + "/" + d.id()).toList());
        ProviderDescription local = all.get(0);
        assertEquals("campus-storage-test", local.bundle());
        assertEquals("1.2.3", local.version());
        assertEquals(ProviderHealth.Status.UP, local.health().status());
        assertEquals("Local disk", local.title());
        ProviderDescription files = all.get(1);
        assertEquals(List.of("files", "assign"), files.handles());
        assertEquals(List.of("uploads"), files.inputs());
        assertEquals(List.of("campus"), all.get(2).inputs(), "campus is the default input");
        assertEquals(List.of("campus/provider/REGISTERED", "campus/provider/REGISTERED", "campus/provider/REGISTERED"),
                eventAdmin.events().stream().map(Event::getTopic).toList());
    }

    @Test
    void aProviderIsUsableAtOnceAndGoneAtOnceWithItsNameInTheReason() {
        Driver d = new Driver();
        Registered<StorageDriver> r = addDriver(d, StorageDriver.PROPERTY_ID, "local");
        ProviderLease<StorageDriver> lease = registry.storageDriver("local");
        assertSame(d, lease.service());
        assertTrue(lease.isAvailable());

        registry.remove(registry.storageMap(), r.serviceId());

        assertFalse(lease.isAvailable(), "a lease taken before tells that its driver is gone");
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> registry.storageDriver("local"));
        assertTrue(e.getMessage().contains("'local'"), e.getMessage());
        assertEquals(ProviderKind.STORAGE, e.kind());
        assertTrue(registry.providers().isEmpty());
        Event last = eventAdmin.events().get(eventAdmin.events().size() - 1);
        assertEquals("campus/provider/UNREGISTERED", last.getTopic());
        assertEquals("local", last.getProperty("id"));

        Registered<StorageDriver> again = addDriver(d, StorageDriver.PROPERTY_ID, "local");
        assertSame(d, registry.storageDriver("local").service());
        assertFalse(lease.isAvailable(), "an old lease stays stale: it named another registration");
        assertEquals(again.serviceId(), registry.storageMap().keySet().iterator().next());
    }

    @Test
    void findsTheArchiverOfATypeByRankAndTellsWhenThereIsNone() {
        ActivityArchiver low = context -> context.result().succeeded();
        ActivityArchiver high = context -> context.result().failed();
        addArchiver(low, ActivityArchiver.PROPERTY_ID, "quiz-basic", ActivityArchiver.PROPERTY_ACTIVITY_TYPES, "quiz");
        addArchiver(high, ActivityArchiver.PROPERTY_ID, "quiz-pdf", ActivityArchiver.PROPERTY_ACTIVITY_TYPES, "quiz",
                Constants.SERVICE_RANKING, 10);

        assertSame(high, registry.archiverFor("quiz").service());
        assertSame(low, registry.archiver("quiz-basic").service());
        assertEquals("quiz-pdf", registry.archiverFor("quiz").description().id());
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> registry.archiverFor("forum"));
        assertTrue(e.getMessage().contains("'forum'"), e.getMessage());
    }

    @Test
    void wrongPropertiesAndTakenIdsAreListedDownAndNeverHandedOut() {
        addDriver(new Driver());
        addDriver(new Driver(), StorageDriver.PROPERTY_ID, "Bad Id!");
        Driver first = new Driver();
        addDriver(first, StorageDriver.PROPERTY_ID, "shared");
        addDriver(new Driver(), StorageDriver.PROPERTY_ID, "shared");
        addArchiver(ARCHIVER, ActivityArchiver.PROPERTY_ID, "no-types");
        addArchiver(ARCHIVER, ActivityArchiver.PROPERTY_ID, "odd-input", ActivityArchiver.PROPERTY_ACTIVITY_TYPES,
                "x", ActivityArchiver.PROPERTY_INPUTS, "telepathy");

        Map<String, ProviderDescription> byId = new HashMap<>();
        List<ProviderDescription> all = registry.providers();
        assertEquals(6, all.size(), "every registered service is listed, usable or not");
        for (ProviderDescription d : all) {
            byId.merge(d.id(), d, (a, b) -> a.health().isUp() ? b : a);
        }
        assertEquals(ProviderHealth.Status.DOWN, byId.get("service-1").health().status());
        assertTrue(byId.get("service-1").health().detail().contains("no storage.id"));
        assertEquals(ProviderHealth.Status.DOWN, byId.get("service-2").health().status());
        assertTrue(byId.get("shared").health().detail().contains("same id"), byId.get("shared").toString());
        assertTrue(byId.get("no-types").health().detail().contains("activity types"));
        assertTrue(byId.get("odd-input").health().detail().contains("campus, inline, uploads"));

        assertSame(first, registry.storageDriver("shared").service(), "the older registration keeps the id");
        assertThrows(ProviderUnavailableException.class, () -> registry.archiver("no-types"));
        assertThrows(ProviderUnavailableException.class, () -> registry.archiverFor("x"));
    }

    @Test
    void healthComesFromTheProviderAndAFailingCheckIsDown() {
        Driver d = new Driver();
        addDriver(d, StorageDriver.PROPERTY_ID, "nfs");
        d.health = ProviderHealth.degraded("92% full");
        assertEquals(ProviderHealth.degraded("92% full"), registry.find(ProviderKind.STORAGE, "nfs").get().health());

        Driver broken = new Driver() {
            @Override
            public ProviderHealth health() {
                throw new IllegalStateException("boom");
            }
        };
        addDriver(broken, StorageDriver.PROPERTY_ID, "broken");
        ProviderHealth h = registry.find(ProviderKind.STORAGE, "broken").get().health();
        assertEquals(ProviderHealth.Status.DOWN, h.status());
        assertTrue(h.detail().contains("boom"));
        assertTrue(registry.providers(ProviderKind.TRANSFER).isEmpty());
    }
}
