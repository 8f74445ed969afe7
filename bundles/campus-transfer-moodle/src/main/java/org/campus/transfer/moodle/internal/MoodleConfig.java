package org.campus.transfer.moodle.internal;

import org.campus.spi.transfer.TransferProvider;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Moodle LMS a transfer provider works on. A factory configuration: each configuration
 * registers one provider; without a configuration nothing is registered.
 */
@ObjectClassDefinition(name = "Campus transfer provider for Moodle",
        description = "Moves course enrolments, role assignments and group memberships between two accounts"
                + " of a Moodle LMS through its REST web services")
public @interface MoodleConfig {

    String PID = "campus.transfer.moodle";

    @AttributeDefinition(name = "Provider id", description = "Unique among transfer providers (the service property "
            + TransferProvider.PROPERTY_ID + "): lower-case letters, digits, dashes and dots. Transfer records name it,"
            + " so never change it once transfers were made")
    String transfer_id() default "moodle";

    @AttributeDefinition(name = "LMS base URL", description = "The Moodle site's address, e.g."
            + " https://lms.example.org; the web services are at <base>/webservice/rest/server.php")
    String baseUrl();

    @AttributeDefinition(name = "Web-service token", type = AttributeType.PASSWORD, description = "A token of a"
            + " Moodle external service that has the functions listed in docs/TRANSFER.md; sent in the POST"
            + " body, never logged. A private property (.token): not visible as a service property")
    String _token();

    @AttributeDefinition(name = "Connect timeout (s)")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", description = "For each web-service call's answer")
    int requestTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Enrolment role id", description = "Moodle's enrolment call needs a role: when an"
            + " account is to be enrolled without any role, it is enrolled with this one, which is unassigned right"
            + " after (5 is Moodle's student role)")
    long enrolRoleId() default 5;
}
