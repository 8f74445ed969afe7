package org.campus.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentWinsOverSystemProperties() {
        Map<String, String> env = Map.of("CAMPUS_ADMIN_PASSWORD", "from-env");
        Map<String, String> props = Map.of("campus.admin.password", "from-prop", "campus.lms.apiKey", " key ");

        assertEquals("from-env", InitialCredentials.given(env::get, props::get, "CAMPUS_ADMIN_PASSWORD",
                "campus.admin.password"));
        assertEquals("key", InitialCredentials.given(env::get, props::get, "CAMPUS_LMS_API_KEY", "campus.lms.apiKey"));
        assertNull(InitialCredentials.given(Map.of("X", " ")::get, Map.<String, String>of()::get, "X", "y"));
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String a = InitialCredentials.generatePassword();

        assertTrue(a.length() >= 24, a);
        assertNotEquals(a, InitialCredentials.generatePassword());
        assertTrue(a.matches("[A-Za-z0-9_-]+"), "no comma or blank, which the realm file cannot hold");
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyAndReplacesAnOldOne() throws Exception {
        Files.writeString(dir.resolve(InitialCredentials.FILE_NAME), "old");

        Path file = InitialCredentials.write(dir, List.of("CAMPUS_LMS_API_KEY=abc"));

        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.contains("CAMPUS_LMS_API_KEY=abc"), lines.toString());
        assertTrue(lines.stream().noneMatch("old"::equals));
    }

    @Test
    void rolesAreTheRolePrincipalsOfTheSubject() {
        Subject s = new Subject();
        s.getPrincipals().add(new UserPrincipal("admin"));
        s.getPrincipals().add(new RolePrincipal("viewer"));
        s.getPrincipals().add(new RolePrincipal("admin"));

        assertEquals(Set.of("viewer", "admin"), JaasAdminRealm.roles(s));
    }
}
