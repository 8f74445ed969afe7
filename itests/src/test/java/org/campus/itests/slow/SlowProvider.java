package org.campus.itests.slow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;

/**
 * A provider whose erasure takes {@value #MILLIS} ms, and which writes each start and end of an
 * erasure to {@code slow-erasures.log} in the Karaf base directory, where the test reads them.
 */
final class SlowProvider implements PrivacyProvider {

    static final long MILLIS = 4000;

    private final String name;

    SlowProvider(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "a slow test provider that holds nothing";
    }

    @Override
    public PersonalData exportUser(String userId) {
        return new PersonalData(name, description(), List.of());
    }

    @Override
    public int deleteUser(String userId) {
        record("start " + name + " " + userId);
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        record("done " + name + " " + userId);
        return 1;
    }

    @Override
    public int deleteCourse(String courseId) {
        return 0;
    }

    private static synchronized void record(String line) {
        Path log = Path.of(System.getProperty("karaf.base", "."), "slow-erasures.log");
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
