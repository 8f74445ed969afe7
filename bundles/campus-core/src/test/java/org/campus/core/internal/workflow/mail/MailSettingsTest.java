package org.campus.core.internal.workflow.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;

import org.campus.core.internal.db.TestDatabase;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    /** The configuration as ConfigAdmin would give it: the defaults, except {@code overrides}. */
    static WorkflowMailConfig config(Map<String, Object> overrides) {
        return (WorkflowMailConfig) Proxy.newProxyInstance(WorkflowMailConfig.class.getClassLoader(),
                new Class<?>[] { WorkflowMailConfig.class }, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }

    @Test
    void theShippedDefaultsAreUsable() {
        MailSettings settings = MailSettings.of(config(Map.of()));
        assertEquals(List.of(), settings.problems());
        assertTrue(settings.enabled());
        assertEquals(5, settings.maxAttempts());
        assertEquals(null, settings.callbackUrl());
    }

    @Test
    void badValuesAreNamed() {
        MailSettings settings = MailSettings.of(config(Map.of("smtpHost", " ", "smtpPort", 0, "from", "not an address",
                "maxAttempts", 0, "callbackUrl", "ftp://lms.example.org/x")));
        List<String> problems = settings.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("smtpHost"));
        assertTrue(problems.get(4).startsWith("callbackUrl"));
    }

    @Test
    void theBackoffDoublesUpToADay() {
        MailSettings settings = MailSettings.of(config(Map.of("retryBackoffSeconds", 60)));
        assertEquals(Duration.ofSeconds(60), settings.backoffAfter(1));
        assertEquals(Duration.ofSeconds(120), settings.backoffAfter(2));
        assertEquals(Duration.ofSeconds(480), settings.backoffAfter(4));
        assertEquals(Duration.ofDays(1), settings.backoffAfter(40));
    }

    @Test
    void secretsAreNeitherPrintedNorRecorded() {
        MailSettings settings = MailSettings.of(config(Map.of("username", "campus", "password", "pw-Secret-1",
                "callbackUrl", "https://lms.example.org/addresses", "callbackToken", "tok-Secret-2")));
        assertFalse(settings.toString().contains("pw-Secret-1"), settings.toString());
        assertFalse(settings.toString().contains("tok-Secret-2"), settings.toString());

        try (TestDatabase db = new TestDatabase()) {
            WorkflowMailSender sender = new WorkflowMailSender(db.dataSource(),
                    MailSettings.of(config(Map.of("enabled", false, "password", "pw-Secret-1",
                            "callbackToken", "tok-Secret-2"))));
            try {
                String error = sender.describe(new MessagingException("535 auth failed for pw-Secret-1\r\nmore",
                        new ConnectException("token tok-Secret-2 refused")));
                assertEquals("MessagingException: 535 auth failed for *** more <- ConnectException: token *** refused",
                        error);
            } finally {
                sender.deactivate();
            }
        }
    }

    @Test
    void theCallbackAnswerIsCheckedStrictly() {
        assertEquals(List.of("a@example.org", "b@example.org"),
                LmsAddressCallback.parse("{\"addresses\": [\"a@example.org\", \" b@example.org \"]}".getBytes()));
        assertEquals(List.of(), LmsAddressCallback.parse("{\"addresses\": []}".getBytes()));
        for (String bad : List.of("[]", "{}", "{\"addresses\": \"a@example.org\"}", "{\"addresses\": [1]}",
                "{\"addresses\": [\"a@example.org\\r\\nBcc: evil@example.org\"]}", "not json")) {
            try {
                LmsAddressCallback.parse(bad.getBytes());
                throw new AssertionError("accepted: " + bad);
            } catch (LmsAddressCallback.CallbackException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }
}
