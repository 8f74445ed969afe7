package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RawPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/campus/api/v1/share-progress/3%2F..", "/campus/api/v1/share-progress/3%2f..",
            "/campus/api/v1/x/%2e%2e", "/campus/api/v1/share-progress/3%00", "/campus/api/v1/a%5Cb"})
    void refusesEncodedSeparatorsDotsAndNul(String raw) {
        assertNotNull(RawPath.refusal(raw, "/share-progress/3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/share-progress/3\n", "/a//b", "/a/./b", "/a/../b", "/a/..", "/a/."})
    void refusesControlCharactersAndDotSegments(String decoded) {
        assertNotNull(RawPath.refusal("/campus/api/v1/x", decoded));
    }

    @ParameterizedTest
    @CsvSource({"/campus/api/v1/share-progress/3,/share-progress/3",
            "/campus/api/v1/privacy/users/u%40example.org,/privacy/users/u@example.org",
            "/campus/api/v1/workflows/7/export,/workflows/7/export", "/campus/api/v1/a..b,/a..b"})
    void acceptsOrdinaryPaths(String raw, String decoded) {
        assertNull(RawPath.refusal(raw, decoded));
    }
}
