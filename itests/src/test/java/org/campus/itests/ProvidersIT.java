package org.campus.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.campus.api.provider.ProviderRegistry;
import org.campus.api.provider.ProviderUnavailableException;
import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.storage.StoredArchive;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The providers shipped in the distribution, found by the core at run time: listed by
 * {@code GET /providers} with kind, id, bundle, version and health, gone when their bundle stops,
 * back when it starts, without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProvidersIT {

    private static final Map<String, String> SHIPPED = Map.of(
            "storage/filesystem", "campus-storage-filesystem",
            "archiver/roles", "campus-archiver-roles",
            "archiver/workflow", "campus-archiver-workflow",
            "archiver/files", "campus-archiver-files");

    @Inject
    private BundleContext context;

    /** Looked up once the API answers, not injected: injection waits only 10 s, and boot can take longer. */
    private ProviderRegistry registry;
    private ConfigurationAdmin configurations;

    private final Http admin = Http.asAdmin();

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    @Before
    public void apiIsUp() throws Exception {
        admin.awaitRoute("/providers", Duration.ofSeconds(180));
        awaitProviders(items -> SHIPPED.keySet().stream().allMatch(k -> find(items, k) != null),
                "the four shipped providers");
        registry = service(ProviderRegistry.class);
        configurations = service(ConfigurationAdmin.class);
    }

    private final java.util.List<ServiceTracker<?, ?>> trackers = new java.util.ArrayList<>();

    /** The service, held (tracked) until the test ends. */
    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(Duration.ofSeconds(60).toMillis());
        assertNotNull("no " + type.getName() + " service", service);
        return service;
    }

    @After
    public void releaseServices() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }

    private JsonNode providers() {
        Http.Answer a = admin.get("/providers");
        assertEquals(a.toString(), 200, a.status());
        return a.json().get("items");
    }

    private static JsonNode find(JsonNode items, String kindAndId) {
        for (JsonNode p : items) {
            if (kindAndId.equals(p.get("kind").asText() + "/" + p.get("id").asText())) {
                return p;
            }
        }
        return null;
    }

    private JsonNode awaitProviders(Predicate<JsonNode> condition, String what) throws Exception {
        return Await.until(what, Duration.ofSeconds(60), this::providers, condition);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    @Test
    public void listsTheFourShippedProvidersWithKindIdBundleVersionAndHealth() {
        JsonNode items = providers();
        for (Map.Entry<String, String> shipped : SHIPPED.entrySet()) {
            JsonNode p = find(items, shipped.getKey());
            assertNotNull(shipped.getKey() + " in " + items, p);
            assertEquals(shipped.getValue(), p.get("bundle").asText());
            assertEquals(bundle(shipped.getValue()).getVersion().toString(), p.get("version").asText());
            // a disk nearly full makes the store "degraded", which is not for this test to judge
            assertTrue(p.toString(), shipped.getKey().startsWith("storage/")
                    ? !p.get("health").asText().equals("down") : p.get("health").asText().equals("up"));
        }
        JsonNode files = find(items, "archiver/files");
        assertEquals("files", files.get("activityTypes").get(0).asText());
        assertEquals("uploads", files.get("inputs").get(0).asText());
        assertEquals("inline", find(items, "archiver/roles").get("inputs").get(0).asText());
        assertTrue(find(items, "storage/filesystem").get("healthDetail").asText().contains("GiB free"));

        Http.Answer lms = Http.asLms().get("/providers?kind=storage");
        assertEquals(200, lms.status());
        assertEquals(1, lms.json().get("items").size());
        assertEquals(400, admin.get("/providers?kind=printer").status());
    }

    @Test
    public void aStoppedProviderIsGoneAtOnceAndBackWhenStartedWithoutRestart() throws Exception {
        Bundle roles = bundle("campus-archiver-roles");
        Object registryId = context.getServiceReference(ProviderRegistry.class).getProperty("service.id");
        assertEquals("roles", registry.archiverFor("roles").description().id());

        roles.stop();
        try {
            awaitProviders(items -> find(items, "archiver/roles") == null, "the roles archiver to go");
            try {
                registry.archiverFor("roles");
                fail("the registry still hands out a stopped archiver");
            } catch (ProviderUnavailableException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("'roles'"));
            }
            assertNotNull("the other providers stay", find(providers(), "archiver/workflow"));
        } finally {
            roles.start();
        }
        awaitProviders(items -> find(items, "archiver/roles") != null, "the roles archiver to come back");
        assertEquals("roles", registry.archiverFor("roles").description().id());
        assertEquals("the registry (and the core) went on without a restart", registryId,
                context.getServiceReference(ProviderRegistry.class).getProperty("service.id"));

        Bundle storage = bundle("campus-storage-filesystem");
        storage.stop();
        try {
            awaitProviders(items -> find(items, "storage/filesystem") == null, "the file system storage to go");
        } finally {
            storage.start();
        }
        awaitProviders(items -> find(items, "storage/filesystem") != null, "the file system storage to come back");
    }

    @Test
    public void theFileSystemStoreKeepsArchivesUnderTheConfiguredBaseDirectory() throws Exception {
        org.osgi.service.cm.Configuration[] stores = configurations.listConfigurations(
                "(service.factoryPid=campus.storage.filesystem)");
        assertNotNull("etc/campus.storage.filesystem-default.cfg is a factory configuration", stores);
        Dictionary<String, Object> props = stores[0].getProperties();
        Path base = Path.of(String.valueOf(props.get("base.dir")));
        assertTrue(base + " is absolute, ${karaf.base} resolved", base.isAbsolute());

        StorageDriver driver = registry.storageDriver("filesystem").service();
        byte[] bytes = "an archive stored in the real container".getBytes();
        StoredArchive stored = driver.store(ArchiveMetadata.builder("itest/providers-it.tar.gz").courseId("it-7")
                .size(bytes.length).build(), new ByteArrayInputStream(bytes));
        assertArrayEquals(bytes, Files.readAllBytes(base.resolve("itest/providers-it.tar.gz")));
        try (InputStream in = driver.retrieve(stored.location())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertTrue(driver.delete(stored.location()));
        assertFalse(Files.exists(base.resolve("itest/providers-it.tar.gz")));

        Dictionary<String, Object> signing = configurations.getConfiguration("campus.archive.signing", null)
                .getProperties();
        assertNotNull("etc/campus.archive.signing.cfg is read", signing);
        Map<String, Object> keys = new HashMap<>();
        for (String k : java.util.Collections.list(signing.keys())) {
            keys.put(k, signing.get(k));
        }
        assertTrue(keys.toString(), keys.containsKey("tsa.url"));
    }

    /**
     * The signer is internal to the core; called here through its service, reflectively, only to
     * see that BouncyCastle's bundles wire and work inside the container.
     */
    @Test
    public void theArchiveSignerRunsOnBouncyCastleInTheContainer() throws Exception {
        org.osgi.framework.ServiceReference<?> ref = context.getServiceReference(
                "org.campus.core.internal.archive.signing.ArchiveSigner");
        assertNotNull("the signer component is registered", ref);
        Object signer = context.getService(ref);
        try {
            assertEquals(Boolean.FALSE, signer.getClass().getMethod("isConfigured").invoke(signer));
            String problem = (String) signer.getClass().getMethod("problem").invoke(signer);
            assertTrue(problem, problem.contains("tsa.url"));
            Object verification = signer.getClass().getMethod("verify", byte[].class, byte[].class, byte[].class)
                    .invoke(signer, new byte[32], "not a token".getBytes(), new byte[0]);
            String reason = (String) verification.getClass().getMethod("reason").invoke(verification);
            assertTrue(reason, reason.startsWith("The stored time-stamp token cannot be read"));
        } finally {
            context.ungetService(ref);
        }
    }
}
