package org.campus.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campus.api.InvalidInputException;

/** A workflow file to import: checked to be a readable regular file of bounded size, and its format told. */
final class WorkflowFile {

    /** The same bound as the HTTP import's default. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String FIELD = "file";

    enum Format { DCWORKFLOW, JSON, UML }

    /** UML models: XMI of any tool, and the ArgoUML and Poseidon project archives. */
    static final List<String> UML_EXTENSIONS = List.of(".xmi", ".uml", ".mdxml", ".zargo", ".zuml");

    /** How far into a file its root element is looked for (past the XML declaration and comments). */
    private static final int ROOT_SEARCH_BYTES = 64 * 1024;
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)([^>]*)>");

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

    /**
     * By the name's extension ({@code .json}; {@code .xmi}, {@code .uml}, {@code .mdxml},
     * {@code .zargo}, {@code .zuml}), else by the content: a zip archive is a UML project, a
     * document whose root is XMI is UML, one starting with <code>{</code> is JSON, other XML
     * (also {@code *.xml}) is DCWorkflow.
     */
    static Format format(Path path, byte[] bytes) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (UML_EXTENSIONS.stream().anyMatch(name::endsWith) || isZip(bytes)) {
            return Format.UML;
        }
        if (!name.endsWith(".xml") && text(bytes).stripLeading().startsWith("{")) {
            return Format.JSON;
        }
        return hasXmiRoot(bytes) ? Format.UML : Format.DCWORKFLOW;
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** Whether the root element is {@code <XMI>}, {@code <xmi:XMI>}, or carries an XMI version or id (Papyrus). */
    static boolean hasXmiRoot(byte[] bytes) {
        // the tag names are ASCII in every encoding these tools write
        String head = new String(bytes, 0, Math.min(bytes.length, ROOT_SEARCH_BYTES), StandardCharsets.ISO_8859_1);
        Matcher tag = START_TAG.matcher(COMMENT.matcher(head).replaceAll(""));
        if (!tag.find()) {
            return false;
        }
        String element = tag.group(1);
        String attributes = tag.group(2);
        return element.equals("XMI") || element.endsWith(":XMI") || attributes.contains("xmi:version")
                || attributes.contains("xmi.version") || attributes.contains("xmi:id");
    }

    /** UTF-8, without a byte order mark. */
    static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
