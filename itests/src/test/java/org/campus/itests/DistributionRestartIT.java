package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an admin runs it: unzipped, started in the background with {@code bin/start},
 * stopped with {@code bin/stop}, started again, and the data is still there. On PostgreSQL the
 * distribution is moved to a database of its own by the README's data source lines.
 */
public class DistributionRestartIT {

    private Distribution campus;

    @Before
    public void unzip() throws Exception {
        campus = Distribution.unpack("restart-it");
        // this test runs in the driver's JVM, beside the OpenAPI conformance check
        System.setProperty(ValidatingHttpClient.VALIDATOR, OpenApiConformance.address());
        campus.useSuiteDatabase("campus_restart");
    }

    @After
    public void stop() {
        if (campus != null) {
            campus.close();
        }
    }

    @Test
    public void dataSurvivesARestartAndLivesOutsideData() throws Exception {
        campus.start();
        Http api = campus.http("Bearer " + CampusContainer.LMS_API_KEY);
        api.awaitRoute("/share-progress?limit=1", Duration.ofSeconds(300)); // a loaded 2-core machine needs minutes
        JsonNode created = api.postJson("/share-progress", "{\"courseId\":41,\"userId\":42,\"type\":\"course\"}").json();
        long id = created.get("id").asLong();
        assertEquals(200, api.postJson("/share-progress/" + id + "/status",
                "{\"status\":\"sent\",\"resourceUrl\":\"https://moodle.net/r/42\"}").status());

        campus.stop();
        if (ItestDatabase.isPostgresql()) {
            assertTrue("no Derby database when the data source names PostgreSQL",
                    !Files.exists(campus.home().resolve("db/campus")));
        } else {
            assertTrue("the database lives outside data/", Files.isDirectory(campus.home().resolve("db/campus")));
        }
        Distribution.deleteTree(campus.home().resolve("data"));

        campus.start();
        api.awaitRoute("/share-progress?limit=1", Duration.ofSeconds(300)); // a loaded 2-core machine needs minutes
        JsonNode after = api.get("/share-progress/" + id).json();
        assertEquals("sent", after.get("status").asText());
        assertEquals("https://moodle.net/r/42", after.get("resourceUrl").asText());
        assertEquals(created.get("timeCreated"), after.get("timeCreated"));
        assertEquals(2, api.get("/share-progress/" + id + "/timeline").json().get("items").size());
    }
}
