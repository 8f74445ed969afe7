package org.campus.core.internal.workflow.model;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks mail addresses strictly (RFC 822 syntax, one address, no line breaks). */
public final class MailAddresses {

    /** RFC 5321: at most 254 characters in a path; a little room for a display name. */
    public static final int MAX_LENGTH = 320;

    private MailAddresses() {
    }

    /** Why {@code address} is no usable address, or {@code null} when it is one. */
    public static String problem(String address) {
        if (address == null || address.isBlank()) {
            return "is required";
        }
        if (address.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (address.chars().anyMatch(Character::isISOControl)) {
            return "must not contain line breaks or other control characters";
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(address, true);
            if (parsed.length != 1) {
                return "must be exactly one address";
            }
            parsed[0].validate();
            String plain = parsed[0].getAddress();
            if (plain == null || plain.indexOf('@') < 1 || plain.endsWith("@")) {
                return "is not an address of the form name@domain";
            }
            return null;
        } catch (AddressException e) {
            return "is not a valid mail address";
        }
    }

    /** The address in its canonical form; call only after {@link #problem(String)} returned {@code null}. */
    public static InternetAddress parse(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not a valid mail address", e);
        }
    }
}
