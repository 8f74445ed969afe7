package org.campus.core.internal.transfer;

import java.net.URI;
import java.time.Duration;

/** {@link TransferConfig} checked: the undo window, and the callback URL (null: none). */
public record TransferSettings(Duration undoWindow, URI callbackUrl, Duration callbackTimeout) {

    public static TransferSettings of(TransferConfig config) {
        int days = Math.max(1, Math.min(3650, config.undoWindowDays()));
        String url = config.callbackUrl() == null ? "" : config.callbackUrl().trim();
        URI callback = null;
        if (!url.isEmpty()) {
            callback = URI.create(url);
            if (!"http".equals(callback.getScheme()) && !"https".equals(callback.getScheme())) {
                throw new IllegalArgumentException("callbackUrl must be an http or https URL: " + url);
            }
        }
        return new TransferSettings(Duration.ofDays(days), callback,
                Duration.ofSeconds(Math.max(1, config.callbackTimeoutSeconds())));
    }

    public static TransferSettings defaults() {
        return new TransferSettings(Duration.ofDays(30), null, Duration.ofSeconds(10));
    }
}
