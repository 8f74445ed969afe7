package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bearerKeysAreTakenAsTheyAre() {
        assertEquals(new Credentials.Bearer("campus_abc_DEF-123"), Credentials.parse("Bearer campus_abc_DEF-123"));
        assertEquals(new Credentials.Bearer("k"), Credentials.parse("bearer   k  "));
        assertEquals(new Credentials.Bearer("a=b/c+d"), Credentials.parse("BEARER a=b/c+d"));
    }

    @Test
    void basicGivesUserAndPasswordSplitAtTheFirstColon() {
        assertEquals(new Credentials.Basic("admin", "pa:ss wörd"), Credentials.parse("Basic " + b64("admin:pa:ss wörd")));
        assertEquals(new Credentials.Basic("admin", ""), Credentials.parse("basic " + b64("admin:")));
    }

    @Test
    void anythingElseIsNoCredential() {
        assertNull(Credentials.parse(null));
        assertNull(Credentials.parse(""));
        assertNull(Credentials.parse("Bearer"));
        assertNull(Credentials.parse("Bearer "));
        assertNull(Credentials.parse("Bearer two words"));
        assertNull(Credentials.parse("Bearer a\u0000b"));
        assertNull(Credentials.parse("Digest username=admin"));
        assertNull(Credentials.parse("Basic !!!notbase64"));
        assertNull(Credentials.parse("Basic " + b64("no-colon")));
        assertNull(Credentials.parse("Basic " + b64(":password-without-user")));
        assertNull(Credentials.parse("Basic " + b64("admin:pw\nX-Injected: 1")));
        assertNull(Credentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'a'})));
        assertNull(Credentials.parse("Bearer " + "k".repeat(Credentials.MAX_HEADER)));
    }

    @Test
    void toStringNeverShowsSecrets() {
        assertFalse(Credentials.parse("Bearer topsecret").toString().contains("topsecret"));
        assertFalse(Credentials.parse("Basic " + b64("admin:topsecret")).toString().contains("topsecret"));
    }
}
