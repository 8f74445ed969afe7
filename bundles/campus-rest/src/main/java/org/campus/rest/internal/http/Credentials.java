package org.campus.rest.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The credentials of an {@code Authorization} header: a bearer key or a Basic user and password.
 * Anything else (other schemes, bad base64, no colon, control characters, oversized) is
 * {@code null}, which the caller answers with 401.
 */
public sealed interface Credentials {

    /** Longest header value considered; longer ones are refused unread. */
    int MAX_HEADER = 4096;

    record Bearer(String key) implements Credentials {
        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    record Basic(String user, String password) implements Credentials {
        @Override
        public String toString() {
            return "Basic[" + user + ", ***]";
        }
    }

    static Credentials parse(String header) {
        if (header == null || header.length() > MAX_HEADER) {
            return null;
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        String scheme = h.substring(0, space).toLowerCase(Locale.ROOT);
        String value = h.substring(space + 1).strip();
        if (value.isEmpty() || hasControl(value)) {
            return null;
        }
        switch (scheme) {
            case "bearer":
                return value.indexOf(' ') >= 0 ? null : new Bearer(value);
            case "basic":
                return basic(value);
            default:
                return null;
        }
    }

    private static Credentials basic(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || hasControl(text)) {
            return null;
        }
        return new Basic(text.substring(0, colon), text.substring(colon + 1));
    }

    private static boolean hasControl(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) { // Character.isISOControl, inlined: every request runs this
                return true;
            }
        }
        return false;
    }
}
