package org.campus.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Campus security",
        description = "How long a verified API key is remembered: the bound on a revocation's reach (docs/SECURITY.md)")
public @interface SecurityConfig {

    String PID = "campus.security";

    @AttributeDefinition(name = "API key cache (s)", min = "0", max = "3600",
            description = "A verified API key is remembered this long, so that a request does not pay for PBKDF2."
                    + " A key revoked or rotated on this node is refused here at once; on another node on the same"
                    + " database it is refused at the latest this long after that node last verified it."
                    + " 0: every request verifies its key.")
    int apiKeyCacheSeconds() default 60;
}
