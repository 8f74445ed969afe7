package org.campus.api.transfer;

import java.util.Locale;
import java.util.Optional;

import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.UndoRefusal;

/**
 * The wire names of the SPI's enums as this API and the HTTP API spell them: lower case with
 * underscores ({@code keep_source}, {@code marked_merged}, {@code changed_since}, {@code moved}).
 */
public final class Codes {

    private Codes() {
    }

    /** {@code KEEP_SOURCE} as {@code keep_source}. */
    public static String code(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Resolution> resolution(String code) {
        return parse(Resolution.class, code);
    }

    public static Optional<SourceAccount> sourceAccount(String code) {
        return parse(SourceAccount.class, code);
    }

    public static Optional<UndoRefusal> undoRefusal(String code) {
        return parse(UndoRefusal.class, code);
    }

    public static Optional<ObjectFate> fate(String code) {
        return parse(ObjectFate.class, code);
    }

    /** The constant of {@code type} whose {@link #code} is {@code code}; empty for anything else. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (code(e).equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
