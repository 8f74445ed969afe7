package org.campus.core.internal.archive.signing;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of archive signing (PID {@code campus.archive.signing}, file {@code etc/campus.archive.signing.cfg}). */
@ObjectClassDefinition(name = "Campus archive signing",
        description = "RFC 3161 time-stamps of archives: the time-stamp authority (TSA) and the roots its answers must chain to")
public @interface SigningConfig {

    String PID = "campus.archive.signing";

    @AttributeDefinition(name = "TSA URL", description = "Where time-stamp requests are POSTed (application/timestamp-query);"
            + " empty: archives cannot be signed")
    String tsa_url() default "";

    @AttributeDefinition(name = "TSA policy", description = "The policy OID to request, e.g. 1.2.3.4.1; empty: the TSA's default."
            + " When set, a reply under another policy is refused", required = false)
    String tsa_policy() default "";

    @AttributeDefinition(name = "TSA user", description = "HTTP Basic user for the TSA; empty: none", required = false)
    String tsa_username() default "";

    @AttributeDefinition(name = "TSA password", type = AttributeType.PASSWORD, required = false)
    String tsa_password() default "";

    @AttributeDefinition(name = "Connect timeout (ms)")
    int tsa_connectTimeoutMs() default 10_000;

    @AttributeDefinition(name = "Answer timeout (ms)", description = "How long to wait for the TSA's whole answer")
    int tsa_readTimeoutMs() default 30_000;

    @AttributeDefinition(name = "Trust anchors", description = "PEM files with the root certificates a TSA's certificate"
            + " must chain to (each file may hold several); a comma-separated list in the .cfg file", required = false)
    String[] trust_anchors() default {};

    @AttributeDefinition(name = "Trust the JDK's roots", description = "Also accept chains to the roots of the Java runtime's"
            + " trust store (cacerts), as jarsigner does for time-stamps")
    boolean trust_jdkCacerts() default true;
}
