package org.campus.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.campus.api.InvalidInputException;

/** A workflow file to import: checked to be a readable regular file of bounded size, and its format told. */
final class WorkflowFile {

    /** The same bound as the HTTP import's default. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String FIELD = "file";

    enum Format { DCWORKFLOW, JSON }

    private WorkflowFile() {
    }

    /** @throws InvalidInputException field {@value #FIELD}: missing, not a regular file, unreadable, too large */
    static byte[] read(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(FIELD, path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(FIELD, path + " is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException(FIELD, path + " cannot be read");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException(FIELD, path + " is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException(FIELD, path + " cannot be read: " + e.getMessage());
        }
    }

    /** By the name's extension ({@code .json}, {@code .xml}), else by the first character: {@code {} is JSON. */
    static Format format(Path path, byte[] bytes) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".xml")) {
            return Format.DCWORKFLOW;
        }
        String text = text(bytes).stripLeading();
        return text.startsWith("{") ? Format.JSON : Format.DCWORKFLOW;
    }

    /** UTF-8, without a byte order mark. */
    static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
