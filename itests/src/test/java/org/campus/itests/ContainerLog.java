package org.campus.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a Campus under test logged at WARN and ERROR, for a failure's message: CI shows the failing
 * assertion's message, not the container's log, which stays in the build directory.
 */
final class ContainerLog {

    private static final int LINES = 12;
    private static final int LINE_CHARS = 400;

    private final Path file;

    private ContainerLog(Path file) {
        this.file = file;
    }

    /** The log of the Karaf this code runs in (a Pax Exam test), if it runs in one. */
    static Optional<ContainerLog> ofThisContainer() {
        String data = System.getProperty("karaf.data");
        return data == null ? Optional.empty() : Optional.of(new ContainerLog(Path.of(data, "log", "karaf.log")));
    }

    /** The log of a distribution started with its own scripts. */
    static ContainerLog in(Path karafHome) {
        return new ContainerLog(karafHome.resolve("data").resolve("log").resolve("karaf.log"));
    }

    /** The last warnings and errors (first line of each), or why there are none to show. */
    String problems() {
        if (!Files.isRegularFile(file)) {
            return "no log at " + file;
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(l -> l.contains("| WARN ") || l.contains("| ERROR ")).forEach(l -> {
                last.addLast(l.length() > LINE_CHARS ? l.substring(0, LINE_CHARS) + "…" : l);
                if (last.size() > LINES) {
                    last.removeFirst();
                }
            });
        } catch (IOException | RuntimeException e) {
            return "the log " + file + " cannot be read: " + e;
        }
        return last.isEmpty() ? "no warnings or errors in " + file
                : "last warnings and errors in " + file + ":\n  " + String.join("\n  ", last);
    }
}
