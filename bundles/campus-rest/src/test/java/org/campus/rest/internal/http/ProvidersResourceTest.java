package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.campus.api.provider.ProviderDescription;
import org.campus.api.provider.ProviderKind;
import org.campus.api.provider.ProviderLease;
import org.campus.api.provider.ProviderRegistry;
import org.campus.rest.internal.provider.ProvidersResource;
import org.campus.spi.ProviderHealth;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.transfer.TransferProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProvidersResourceTest {

    private final List<ProviderKind> asked = new ArrayList<>();
    private final List<ProviderDescription> registered = List.of(
            new ProviderDescription(ProviderKind.STORAGE, "local", "campus-storage-filesystem", "0.1.0",
                    ProviderHealth.up("12 GiB free"), List.of(), List.of(), "Local disk"),
            new ProviderDescription(ProviderKind.ARCHIVER, "roles", "campus-archiver-roles", "0.1.0",
                    ProviderHealth.down("it names no activity types"), List.of("roles"), List.of("inline"), null));

    private final ProviderRegistry registry = new ProviderRegistry() {
        @Override
        public List<ProviderDescription> providers() {
            asked.add(null);
            return registered;
        }

        @Override
        public List<ProviderDescription> providers(ProviderKind kind) {
            asked.add(kind);
            return registered.stream().filter(d -> d.kind() == kind).toList();
        }

        @Override
        public Optional<ProviderDescription> find(ProviderKind kind, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderLease<StorageDriver> storageDriver(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderLease<ActivityArchiver> archiverFor(String activityType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderLease<ActivityArchiver> archiver(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderLease<TransferProvider> transferProvider(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ProviderLease<TransferProvider>> transferProviders() {
            throw new UnsupportedOperationException();
        }
    };

    private FakeHttp.Response get(String key, String kind) throws Exception {
        Fakes.Keys keys = new Fakes.Keys().client("lms-p", "moodle", "providers").client("lms-wf", "m", "workflow");
        ApiServlet servlet = new ApiServlet(TestServlets.config(1024), keys, new Fakes.Realm(), new Fakes.Audit());
        servlet.bindResource(new ProvidersResource(registry));
        FakeHttp.Request r = new FakeHttp.Request("GET", "/providers").bearer(key);
        if (kind != null) {
            r.param("kind", kind);
        }
        return FakeHttp.call(servlet, r);
    }

    @Test
    void listsEveryProviderWithKindIdBundleVersionAndHealth() throws Exception {
        FakeHttp.Response r = get("lms-p", null);

        assertEquals(200, r.status, r.body());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertTrue(body.get("next").isNull());
        JsonNode items = body.get("items");
        assertEquals(2, items.size());
        JsonNode storage = items.get(0);
        assertEquals("storage", storage.get("kind").asText());
        assertEquals("local", storage.get("id").asText());
        assertEquals("campus-storage-filesystem", storage.get("bundle").asText());
        assertEquals("0.1.0", storage.get("version").asText());
        assertEquals("up", storage.get("health").asText());
        assertEquals("12 GiB free", storage.get("healthDetail").asText());
        assertEquals("Local disk", storage.get("title").asText());
        assertFalse(storage.has("activityTypes"));
        JsonNode archiver = items.get(1);
        assertEquals("down", archiver.get("health").asText());
        assertEquals("roles", archiver.get("activityTypes").get(0).asText());
        assertEquals("inline", archiver.get("inputs").get(0).asText());
        assertFalse(archiver.has("title"));
    }

    @Test
    void filtersByKindAndRefusesAnUnknownKindNamingTheField() throws Exception {
        JsonNode items = new ObjectMapper().readTree(get("lms-p", "archiver").body()).get("items");
        assertEquals(1, items.size());
        assertEquals("archiver", items.get(0).get("kind").asText());

        FakeHttp.Response bad = get("lms-p", "printer");
        assertEquals(400, bad.status);
        assertEquals("kind", new ObjectMapper().readTree(bad.body()).get("errors").get(0).get("field").asText());
        assertEquals(403, get("lms-wf", null).status);
        assertEquals(List.of(ProviderKind.ARCHIVER), asked, "a bad kind and a missing scope reach no registry");
    }
}
