package org.campus.transfer.moodle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A configuration is checked when the provider is activated: a bad one registers nothing. */
class MoodleSettingsTest {

    private static MoodleConfig config(String id, String baseUrl, String token) {
        return new MoodleConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MoodleConfig.class;
            }

            @Override
            public String transfer_id() {
                return id;
            }

            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String _token() {
                return token;
            }

            @Override
            public int connectTimeoutSeconds() {
                return 3;
            }

            @Override
            public int requestTimeoutSeconds() {
                return 40;
            }

            @Override
            public long enrolRoleId() {
                return 5;
            }
        };
    }

    @Test
    void aGoodConfigurationBecomesSettings() {
        MoodleSettings settings = MoodleSettings.of(config("moodle-main", " https://lms.example.org/moodle/ ", " tok "));
        assertEquals("https://lms.example.org/moodle", settings.baseUrl().toString());
        assertEquals("https://lms.example.org/moodle/webservice/rest/server.php?wsfunction=core_role_assign_roles"
                + "&moodlewsrestformat=json", settings.endpoint("core_role_assign_roles").toString());
        assertEquals("tok", settings.token());
        assertEquals(Duration.ofSeconds(40), settings.requestTimeout());
        assertFalse(settings.toString().contains("tok"), "the token is never printed");
    }

    @Test
    void aConfigurationWithoutBaseUrlOrTokenIsRefused() {
        IllegalArgumentException noUrl = assertThrows(IllegalArgumentException.class,
                () -> new MoodleTransferProvider(config("moodle", "", "tok")));
        assertTrue(noUrl.getMessage().contains("baseUrl is required"));
        IllegalArgumentException noToken = assertThrows(IllegalArgumentException.class,
                () -> MoodleSettings.of(config("moodle", "https://lms.example.org", null)));
        assertTrue(noToken.getMessage().contains(".token is required"));
        assertThrows(IllegalArgumentException.class,
                () -> MoodleSettings.of(config("moodle", "ftp://lms.example.org", "tok")));
        assertThrows(IllegalArgumentException.class,
                () -> MoodleSettings.of(config("moodle id with spaces", "https://lms.example.org", "tok")));
    }
}
