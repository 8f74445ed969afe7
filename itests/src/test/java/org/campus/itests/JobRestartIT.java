package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job survives kill -9 of its container: an erasure over three slow providers (a tiny test bundle
 * in deploy/) is killed in the middle, the distribution is started again, and the job resumes after
 * its last checkpoint and completes: the provider done before the kill is not asked again.
 */
public class JobRestartIT {

    private static final Duration BOOT = Duration.ofSeconds(180);

    private Distribution campus;
    private Http api;

    @Before
    public void unpack() throws Exception {
        campus = Distribution.unpack("job-restart-it");
        campus.useSuiteDatabase("campus_job_restart");
        campus.setProperty("etc/campus.jobs.cfg", "nodeName", "itest-node");
        campus.setProperty("etc/campus.jobs.cfg", "retryBackoffSeconds", "5");
        campus.setProperty("etc/campus.jobs.cfg", "maxAttempts", "5");
        campus.deployBundle("slow-providers.jar", "org.campus.itests.slow", Map.of(
                "Bundle-SymbolicName", "org.campus.itests.slow",
                "Bundle-Version", "1.0.0",
                "Bundle-Activator", "org.campus.itests.slow.SlowProvidersActivator",
                "Import-Package", "org.osgi.framework;version=\"[1.8,2)\",org.campus.api.privacy;version=\"[2.0,3)\""));
        api = campus.http("Bearer " + CampusContainer.LMS_API_KEY);
    }

    @After
    public void stop() {
        if (campus != null) {
            campus.close();
        }
    }

    @Test
    public void aJobKilledWithItsContainerResumesFromItsCheckpointAfterTheRestart() throws Exception {
        campus.start();
        awaitProviders();

        Http.Answer accepted = api.delete("/privacy/users/77");
        assertEquals(accepted.toString(), 202, accepted.status());
        String location = accepted.header("Location");
        String erasure = location.substring(location.indexOf("/privacy/"));
        long job = accepted.json().get("id").asLong();

        // killed while slow-b erases, slow-a being done and checkpointed
        JsonNode before = await(erasure, e -> "done".equals(outcome(e, "slow-a")), Duration.ofSeconds(60));
        awaitLog(l -> l.contains("start slow-b 77"));
        assertEquals("running", before.get("state").asText());
        campus.kill();

        campus.start();
        JsonNode after = await(erasure, e -> List.of("completed", "failed", "cancelled")
                .contains(e.get("state").asText()), BOOT);

        assertEquals(after.toString(), "completed", after.get("state").asText());
        for (String p : List.of("share-progress", "slow-a", "slow-b", "slow-c", "workflow")) {
            assertEquals(p + " in " + after, "done", outcome(after, p));
        }
        List<String> log = erasureLog();
        assertEquals("slow-a erased once: the resumed job skipped it " + log, 1, count(log, "done slow-a 77"));
        assertEquals("slow-b started again after the kill " + log, 2, count(log, "start slow-b 77"));
        assertEquals(log.toString(), 1, count(log, "done slow-b 77"));
        assertEquals(log.toString(), 1, count(log, "done slow-c 77"));
        JsonNode j = api.get("/jobs/" + job).json();
        assertTrue(j.toString(), j.get("attempt").asInt() >= 2);
        List<String> messages = messages(job);
        assertTrue(messages.toString(), messages.stream()
                .anyMatch(m -> m.startsWith("node itest-node stopped while attempt 1 ran")));
        assertTrue(messages.toString(), messages.stream().anyMatch(m -> m.startsWith("attempt 2 started on node"
                + " itest-node, resuming after step")));
    }

    private void awaitProviders() throws Exception {
        api.awaitRoute("/privacy/providers", BOOT);
        Await.until("the slow providers of deploy/ up", BOOT, () -> {
            long slow = 0;
            for (JsonNode p : api.get("/privacy/providers").json().get("items")) {
                slow += p.get("name").asText().startsWith("slow-") && p.get("registered").asBoolean() ? 1 : 0;
            }
            return slow;
        }, slow -> slow == 3);
    }

    private JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        Http.Answer last = Await.until(path + " to get there", timeout, () -> {
            try {
                return api.get(path);
            } catch (AssertionError e) {
                return null; // restarting: not listening yet
            }
        }, a -> a != null && a.status() == 200 && condition.test(a.json()));
        return last.json();
    }

    private void awaitLog(Predicate<String> line) throws Exception {
        Await.until("a line in the providers' log", Duration.ofSeconds(60), this::erasureLog,
                lines -> lines.stream().anyMatch(line));
    }

    private List<String> erasureLog() throws Exception {
        Path log = campus.home().resolve("slow-erasures.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private List<String> messages(long job) {
        return api.get("/jobs/" + job + "/log?limit=500").json().get("items").findValues("message").stream()
                .map(JsonNode::asText).collect(Collectors.toList());
    }

    private static String outcome(JsonNode erasure, String provider) {
        for (JsonNode p : erasure.get("providers")) {
            if (p.get("provider").asText().equals(provider)) {
                return p.get("outcome").asText();
            }
        }
        return null;
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }
}
