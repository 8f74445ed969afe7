package org.campus.shell.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.campus.api.InvalidInputException;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobState;

/** The job states and log levels that commands accept, as typed on the command line. */
final class JobCodes {

    private JobCodes() {
    }

    static List<String> states() {
        return Arrays.stream(JobState.values()).map(JobState::code).collect(Collectors.toList());
    }

    static List<String> levels() {
        return Arrays.stream(JobLogLevel.values()).map(JobLogLevel::code).collect(Collectors.toList());
    }

    /** A state filter; {@code null} or blank means none. */
    static JobState state(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return JobState.fromCode(code.trim().toLowerCase(Locale.ROOT)).orElseThrow(
                () -> new InvalidInputException("state", "must be one of " + String.join(", ", states())));
    }

    /** A minimum log level; {@code null} or blank means every entry. */
    static JobLogLevel level(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return JobLogLevel.fromCode(code.trim().toLowerCase(Locale.ROOT)).orElseThrow(
                () -> new InvalidInputException("level", "must be one of " + String.join(", ", levels())));
    }
}
