package org.campus.rest.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.campus.api.workflow.LmsId;
import org.junit.jupiter.api.Test;

/** The user of a privacy export goes back as the LmsId schema says: a number when the path holds one. */
class PrivacyResourceTest {

    @Test
    void aUserIdWrittenAsANumberGoesBackAsANumber() {
        assertEquals(LmsId.of(7), PrivacyResource.asLmsId("7"));
        assertEquals(LmsId.of(123456789012345678L), PrivacyResource.asLmsId("123456789012345678"));
        assertEquals(LmsId.of("007"), PrivacyResource.asLmsId("007"));
        assertEquals(LmsId.of("-7"), PrivacyResource.asLmsId("-7"));
        assertEquals(LmsId.of("u-7"), PrivacyResource.asLmsId("u-7"));
        assertEquals(LmsId.of("1234567890123456789012"), PrivacyResource.asLmsId("1234567890123456789012"));
    }
}
