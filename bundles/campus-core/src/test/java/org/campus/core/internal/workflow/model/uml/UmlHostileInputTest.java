package org.campus.core.internal.workflow.model.uml;

import static org.campus.core.internal.workflow.model.uml.UmlModels.importOne;
import static org.campus.core.internal.workflow.model.uml.UmlModels.resource;
import static org.campus.core.internal.workflow.model.uml.UmlModels.utf8;
import static org.campus.core.internal.workflow.model.uml.UmlModels.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken upload gets: a 400 naming the body and saying what is wrong, quickly,
 * without reading anything outside the upload and without inflating what was not asked for.
 */
class UmlHostileInputTest {

    private static final String MODEL = "tools/magicdraw/simple_publication.mdxml";

    private static String refused(byte[] bytes) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new UmlImport().importModel(bytes));
        assertEquals(1, e.errors().size(), e.errors().toString());
        FieldError error = e.errors().get(0);
        assertEquals("body", error.field());
        return error.message();
    }

    private static void assertRefused(byte[] bytes, String fragment) {
        String message = refused(bytes);
        assertTrue(message.contains(fragment), "\"" + fragment + "\" in: " + message);
    }

    // ------------------------------------------------------------------ XML

    @Test
    void emptyBodies() {
        assertRefused(new byte[0], "is empty");
        assertRefused(null, "is empty");
    }

    @Test
    void aDtdIsRefusedEvenWithoutEntities() {
        assertRefused(utf8("<?xml version='1.0'?>\n<!DOCTYPE XMI SYSTEM 'http://127.0.0.1:9/uml13.dtd'>\n"
                + "<XMI xmi.version='1.0'/>"), "must not contain a DOCTYPE declaration");
    }

    @Test
    void anExternalEntityIsNeverRead() {
        String message = refused(utf8("<?xml version='1.0'?>\n<!DOCTYPE XMI [<!ENTITY secret SYSTEM"
                + " 'file:///etc/hostname'>]>\n<XMI xmi.version='1.2'><XMI.content>&secret;</XMI.content></XMI>"));

        assertTrue(message.contains("DOCTYPE"), message);
    }

    @Test
    void aBillionLaughsIsRefusedAtOnce() {
        StringBuilder xml = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE XMI [\n<!ENTITY lol 'lol'>\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" '").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("'>\n");
        }
        xml.append("]>\n<XMI xmi.version='1.2'>&lol9;</XMI>");

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(utf8(xml.toString()), "DOCTYPE"));
    }

    @Test
    void xmlThatIsNotXmiSaysWhatItIs() {
        assertRefused(UmlModels.dcWorkflow("folder_workflow"), "is not XMI: the root element is <dc-workflow>");
        assertRefused(utf8("<html><body>state machine</body></html>"), "is not XMI: the root element is <html>");
    }

    @Test
    void truncatedOrMalformedXmlSaysWhere() {
        byte[] model = resource(MODEL);

        assertRefused(Arrays.copyOf(model, model.length / 2), "is not well-formed XML (line ");
        assertRefused(utf8("state machine"), "is not well-formed XML");
    }

    @Test
    void xmiWithoutStateMachinesNamesTheTool() {
        assertRefused(utf8("<xmi:XMI xmi:version='2.1' xmlns:xmi='http://schema.omg.org/spec/XMI/2.1'"
                + " xmlns:uml='http://schema.omg.org/spec/UML/2.1'><xmi:Documentation exporter='Enterprise Architect'"
                + " exporterVersion='6.5'/><uml:Model xmi:type='uml:Model' name='EA_Model'><packagedElement"
                + " xmi:type='uml:Class' xmi:id='c' name='Essay'/></uml:Model></xmi:XMI>"),
                "is an XMI file from Enterprise Architect without any UML state machine");
    }

    @Test
    void deepNestingStopsTheParser() {
        String xml = "<XMI xmi.version='1.2'>" + "<a>".repeat(UmlImport.MAX_DEPTH + 1) + "</a>".repeat(
                UmlImport.MAX_DEPTH + 1) + "</XMI>";

        assertRefused(utf8(xml), "nests elements more than " + UmlImport.MAX_DEPTH + " deep");
    }

    // ------------------------------------------------------------------ archives

    private static Map<String, byte[]> project(String... extraNames) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("project.argo", utf8("<argo/>"));
        for (String name : extraNames) {
            entries.put(name, utf8("<x/>"));
        }
        return entries;
    }

    @Test
    void anArchiveHoldsExactlyOneXmi() {
        assertRefused(zip(Map.of()), "is a zip archive without an .xmi file (it is empty)");
        assertRefused(zip(project("project_Diagram1.pgml")),
                "without an .xmi file (it holds 'project.argo', 'project_Diagram1.pgml')");
        Map<String, byte[]> two = project();
        two.put("a.xmi", resource(MODEL));
        two.put("backup/b.XMI", resource(MODEL));
        assertRefused(zip(two), "is a zip archive with 2 .xmi files ('a.xmi', 'backup/b.XMI')");

        Map<String, byte[]> one = project("project.todo");
        one.put("project.xmi", resource(MODEL));
        assertEquals("simple_publication_workflow", importOne(zip(one)).workflow().id());
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnyIsRead() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= XmiArchive.MAX_ENTRIES; i++) {
            many.put("diagram" + i + ".pgml", new byte[0]);
        }
        many.put("project.xmi", resource(MODEL));

        assertRefused(zip(many), "is a zip archive of " + (XmiArchive.MAX_ENTRIES + 2) + " entries; at most "
                + XmiArchive.MAX_ENTRIES);
    }

    @Test
    void anXmiThatInflatesBeyondTheLimitIsRefusedByItsDeclaredSize() {
        byte[] archive = zipWithBomb("bomb.xmi", XmiArchive.MAX_XMI_BYTES + 1, Map.of());

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRefused(archive,
                "is a zip archive whose .xmi file is " + (XmiArchive.MAX_XMI_BYTES + 1) + " bytes uncompressed; at most "
                        + XmiArchive.MAX_XMI_BYTES));
    }

    @Test
    void anXmiThatLiesAboutItsSizeIsCutOffWhereItsDeclaredSizeEnds() {
        byte[] archive = zipOf("model.xmi", resource(MODEL));
        setDeclaredSize(archive, 1000);

        assertRefused(archive, "inflates to more than the 1000 bytes it declares");
    }

    @Test
    void aBombBesideTheModelIsNeverInflated() {
        byte[] archive = zipWithBomb("project_bomb.pgml", 100L * 1024 * 1024, Map.of("project.xmi", resource(MODEL)));

        assertTrue(archive.length < 1024 * 1024, "the test's bomb compresses: " + archive.length);
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertEquals("simple_publication_workflow", importOne(archive).workflow().id()));
    }

    @Test
    void aDamagedOrTruncatedArchiveIsNotRead() {
        byte[] archive = zipOf("model.xmi", resource(MODEL));

        assertRefused(Arrays.copyOf(archive, archive.length - 30), "is not a readable zip archive: it has no end of"
                + " central directory record");
        byte[] wrongChecksum = archive.clone();
        ByteBuffer.wrap(wrongChecksum).order(ByteOrder.LITTLE_ENDIAN).putInt(centralDirectory(wrongChecksum) + 16, 42);
        assertRefused(wrongChecksum, "is damaged: its size or checksum differs");
        byte[] encrypted = archive.clone();
        int flags = centralDirectory(encrypted) + 8;
        encrypted[flags] |= 1;
        assertRefused(encrypted, "whose .xmi file is encrypted");
    }

    @Test
    void onlyStoredAndDeflatedEntriesAreRead() {
        byte[] archive = zipOf("model.xmi", resource(MODEL));
        ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN).putShort(centralDirectory(archive) + 10, (short) 12);

        assertRefused(archive, "uses compression method 12");
    }

    /**
     * A zip whose first entry is a bomb: a well-formed document of {@code size} bytes, almost all
     * spaces in a comment, streamed in so that the test never holds it inflated; then the others.
     */
    private static byte[] zipWithBomb(String bombName, long size, Map<String, byte[]> others) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(bombName));
            byte[] head = utf8("<XMI xmi.version='1.2'><!--");
            byte[] tail = utf8("--></XMI>");
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            zip.write(head);
            for (long left = size - head.length - tail.length; left > 0; left -= spaces.length) {
                zip.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
            zip.write(tail);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> entry : others.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] zipOf(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The offset of the (first) central directory header. */
    private static int centralDirectory(byte[] archive) {
        for (int i = archive.length - 22; i >= 0; i--) {
            if (archive[i] == 'P' && archive[i + 1] == 'K' && archive[i + 2] == 5 && archive[i + 3] == 6) {
                return ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN).getInt(i + 16);
            }
        }
        throw new AssertionError("no end record");
    }

    private static void setDeclaredSize(byte[] archive, int size) {
        ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN).putInt(centralDirectory(archive) + 24, size);
        assertFalse(size < 0);
    }
}
