package org.campus.core.internal.workflow.mail;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Campus workflow mail",
        description = "Sends the notification mails of workflow actions from the outbox, with retries")
public @interface WorkflowMailConfig {

    String PID = "campus.workflow.mail";

    @AttributeDefinition(name = "Enabled",
            description = "Off: mails are still written to the outbox, but stay pending until sending is on again.")
    boolean enabled() default true;

    @AttributeDefinition(name = "SMTP host")
    String smtpHost() default "localhost";

    @AttributeDefinition(name = "SMTP port", description = "25, 587 (submission, usually with STARTTLS) or another")
    int smtpPort() default 25;

    @AttributeDefinition(name = "From address", description = "The sender of every notification")
    String from() default "campus@localhost";

    @AttributeDefinition(name = "SMTP user name", description = "Empty: no authentication")
    String username() default "";

    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD,
            description = "Never logged nor recorded in an error")
    String password() default "";

    @AttributeDefinition(name = "STARTTLS", description = "Require STARTTLS before authenticating and sending")
    boolean startTls() default false;

    @AttributeDefinition(name = "Connect timeout (ms)", description = "For the SMTP server and the LMS callback")
    int connectTimeoutMs() default 10_000;

    @AttributeDefinition(name = "Read timeout (ms)", description = "For an answer of the SMTP server or the LMS callback")
    int readTimeoutMs() default 30_000;

    @AttributeDefinition(name = "Attempts", description = "A mail is marked failed after this many attempts")
    int maxAttempts() default 5;

    @AttributeDefinition(name = "Retry backoff (s)",
            description = "Wait before the 2nd attempt; doubled for every further one (at most a day)")
    int retryBackoffSeconds() default 60;

    @AttributeDefinition(name = "Poll interval (ms)",
            description = "How often the outbox is looked at; an action performed here wakes the sender at once")
    long pollIntervalMs() default 30_000L;

    @AttributeDefinition(name = "LMS address callback URL",
            description = "GET {url}?recordId=&courseId=&activityId=&role= (or &userId= for the author), answered"
                    + " with {\"addresses\": [...]}; asked when an action request did not carry the addresses."
                    + " Empty: such mails fail with a recorded error.")
    String callbackUrl() default "";

    @AttributeDefinition(name = "LMS callback token", type = AttributeType.PASSWORD,
            description = "Sent as 'Authorization: Bearer <token>' to the callback; empty: no header")
    String callbackToken() default "";
}
