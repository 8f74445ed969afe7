package org.campus.testkit.transfer;

import java.util.regex.Pattern;

/** The argument checks the core applies to what providers hand it. */
final class Checks {

    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    static final Pattern ITEM_TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    static final int MAX_PARAMETER_CHARS = 4000;

    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void notBlank(String value, String name) {
        require(value != null && !value.isBlank(), name + " must not be blank");
    }
}
