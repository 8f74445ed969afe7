package org.campus.rest.internal.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Campus REST API", description = "The JSON HTTP API under /campus/api/v1")
public @interface RestConfig {

    String PID = "campus.rest";

    @AttributeDefinition(name = "Largest request body (bytes)",
            description = "A larger body is refused with 413 before it is read.")
    long maxBodyBytes() default 1_048_576L;

    @AttributeDefinition(name = "Largest import body (bytes)",
            description = "Limit for definition imports such as DCWorkflow XML.")
    long maxImportBytes() default 5_242_880L;
}
