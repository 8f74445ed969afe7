package org.campus.core.internal.transfer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Campus transfers",
        description = "The transfer service: how long a transfer can be undone, and the LMS callback after each transfer")
public @interface TransferConfig {

    String PID = "campus.transfer";

    @AttributeDefinition(name = "Undo window (days)",
            description = "A transfer can be undone for this many days after it ended (1 to 3650)")
    int undoWindowDays() default 30;

    @AttributeDefinition(name = "LMS callback URL",
            description = "Called (HTTP POST, JSON) after every transfer and undo with the users and courses affected,"
                    + " so that the LMS recalculates learning progress; empty: no callback")
    String callbackUrl() default "";

    @AttributeDefinition(name = "Callback timeout (s)", description = "How long one callback request may take")
    int callbackTimeoutSeconds() default 10;
}
