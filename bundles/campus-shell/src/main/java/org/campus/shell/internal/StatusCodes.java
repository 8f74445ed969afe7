package org.campus.shell.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.campus.api.InvalidInputException;
import org.campus.api.sharing.ShareStatus;

/** The share status codes that commands accept, as typed on the command line. */
final class StatusCodes {

    static final String FIELD = "status";

    private StatusCodes() {
    }

    /** Every status, for filtering: {@code in_progress}, {@code sent}, {@code error}. */
    static List<String> all() {
        return Arrays.stream(ShareStatus.values()).map(ShareStatus::code).collect(Collectors.toList());
    }

    /** The statuses a share can be marked with: those an in-progress share may move to. */
    static List<String> targets() {
        return Arrays.stream(ShareStatus.values())
                .filter(ShareStatus.IN_PROGRESS::canMoveTo)
                .map(ShareStatus::code)
                .collect(Collectors.toList());
    }

    /** A status filter; {@code null} or blank means no filter. */
    static ShareStatus filter(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return parse(code).orElseThrow(() -> invalid(all()));
    }

    /** A status to mark a share with. */
    static ShareStatus target(String code) {
        return parse(code)
                .filter(ShareStatus.IN_PROGRESS::canMoveTo)
                .orElseThrow(() -> invalid(targets()));
    }

    private static Optional<ShareStatus> parse(String code) {
        return code == null ? Optional.empty() : ShareStatus.fromCode(code.trim().toLowerCase(Locale.ROOT));
    }

    private static InvalidInputException invalid(List<String> allowed) {
        return new InvalidInputException(FIELD, "must be one of " + String.join(", ", allowed));
    }
}
