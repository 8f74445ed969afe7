package org.campus.transfer.moodle.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** The checked form of a {@link MoodleConfig}. */
record MoodleSettings(String providerId, URI baseUrl, String token, Duration connectTimeout,
        Duration requestTimeout, long enrolRoleId) {

    static MoodleSettings of(MoodleConfig config) {
        return of(config.transfer_id(), config.baseUrl(), config._token(), config.connectTimeoutSeconds(),
                config.requestTimeoutSeconds(), config.enrolRoleId());
    }

    static MoodleSettings of(String providerId, String baseUrl, String token, int connectTimeoutSeconds,
            int requestTimeoutSeconds, long enrolRoleId) {
        if (providerId == null || !providerId.matches("[a-z0-9][a-z0-9.-]{0,63}")) {
            throw new IllegalArgumentException("transfer.id must be lower-case letters, digits, dashes and dots, at most"
                    + " 64: " + providerId);
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required (the Moodle site's address)");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL with a host: " + baseUrl);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(".token is required (a Moodle web-service token)");
        }
        if (connectTimeoutSeconds < 1 || requestTimeoutSeconds < 1) {
            throw new IllegalArgumentException("timeouts are at least 1 second");
        }
        if (enrolRoleId < 1) {
            throw new IllegalArgumentException("enrolRoleId must be a Moodle role id");
        }
        return new MoodleSettings(providerId, uri, token.strip(), Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(requestTimeoutSeconds), enrolRoleId);
    }

    URI endpoint(String function) {
        return URI.create(baseUrl + "/webservice/rest/server.php?wsfunction=" + function + "&moodlewsrestformat=json");
    }

    @Override
    public String toString() {
        return "MoodleSettings[" + providerId + ", " + baseUrl + "]";
    }
}
