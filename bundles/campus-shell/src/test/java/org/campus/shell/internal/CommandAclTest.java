package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Command;
import org.junit.jupiter.api.Test;

/** The ACL file names every command of the bundle, with the role that its kind of command needs. */
class CommandAclTest {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("key-list", "viewer"),
            Map.entry("key-create", "admin"),
            Map.entry("key-rotate", "admin"),
            Map.entry("key-revoke", "admin"),
            Map.entry("audit-list", "viewer"),
            Map.entry("share-list", "viewer"),
            Map.entry("share-show", "viewer"),
            Map.entry("privacy-providers", "viewer"),
            Map.entry("workflow-list", "viewer"),
            Map.entry("workflow-show", "viewer"),
            Map.entry("workflow-export", "admin"),
            Map.entry("workflow-record-show", "viewer"),
            Map.entry("workflow-simulate", "viewer"),
            Map.entry("workflow-migrate", "admin"),
            Map.entry("workflow-import", "admin"),
            Map.entry("share-mark", "admin"),
            Map.entry("share-source-deleted", "admin"),
            Map.entry("privacy-export", "admin"),
            Map.entry("privacy-delete-user", "admin"),
            Map.entry("privacy-delete-course", "admin"),
            Map.entry("privacy-provider-forget", "admin"),
            Map.entry("job-list", "viewer"),
            Map.entry("job-show", "viewer"),
            Map.entry("job-log", "viewer"),
            Map.entry("job-cancel", "admin"),
            Map.entry("job-retry", "admin"),
            Map.entry("job-delete", "admin"),
            Map.entry("archive-list", "viewer"),
            Map.entry("archive-show", "viewer"),
            Map.entry("archive-verify", "viewer"),
            Map.entry("archive-cancel", "admin"),
            Map.entry("archive-delete", "admin"),
            Map.entry("transfer-preview", "viewer"),
            Map.entry("transfer-list", "viewer"),
            Map.entry("transfer-show", "viewer"),
            Map.entry("transfer-start", "admin"),
            Map.entry("transfer-cancel", "admin"),
            Map.entry("transfer-undo", "admin"),
            Map.entry("transfer-batch-list", "viewer"),
            Map.entry("transfer-batch-show", "viewer"),
            Map.entry("transfer-batch-submit", "admin"),
            Map.entry("transfer-batch-cancel", "admin"));

    @Test
    void aclMatchesTheCommandsOfTheBundle() throws Exception {
        Properties acl = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/acl/org.apache.karaf.command.acl.campus.cfg")) {
            assertNotNull(in, "ACL file on the class path");
            acl.load(in);
        }
        Map<String, String> actual = new TreeMap<>();
        acl.forEach((k, v) -> actual.put((String) k, ((String) v).trim()));

        assertEquals(new TreeMap<>(EXPECTED), actual);
        assertEquals(new TreeMap<>(EXPECTED).keySet(), commandNames().keySet());
    }

    /** Every {@code campus:} command compiled into this package of the bundle (not of the tests). */
    private static Map<String, String> commandNames() throws Exception {
        URL classes = ShareListCommand.class.getProtectionDomain().getCodeSource().getLocation();
        File dir = new File(new File(classes.toURI()), CommandAclTest.class.getPackageName().replace('.', '/'));
        Map<String, String> names = new TreeMap<>();
        for (File file : dir.listFiles((d, n) -> n.endsWith(".class"))) {
            String className = CommandAclTest.class.getPackageName() + "." + file.getName().replace(".class", "");
            Command command = Class.forName(className).getAnnotation(Command.class);
            if (command != null) {
                assertEquals("campus", command.scope(), className);
                names.put(command.name(), className);
            }
        }
        return names;
    }
}
