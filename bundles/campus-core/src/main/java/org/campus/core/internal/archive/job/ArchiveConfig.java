package org.campus.core.internal.archive.job;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of archive jobs (PID {@code campus.archive}, file {@code etc/campus.archive.cfg}). */
@ObjectClassDefinition(name = "Campus archive jobs",
        description = "Where archive jobs keep their work (uploads, segments, the archive's first and last members before it is stored) and their limits")
public @interface ArchiveConfig {

    String PID = "campus.archive";

    @AttributeDefinition(name = "Work directory", description = "Per-job work directories (uploads, inline data,"
            + " segments, the archive's first and last members); empty: ${karaf.data}/campus/archive-work. Nodes that"
            + " share a database and run each other's archive jobs must share it too")
    String work_dir() default "";

    @AttributeDefinition(name = "Default storage", description = "The storage driver's id used when a job names none")
    String storage_default() default "filesystem";

    @AttributeDefinition(name = "Deflate level", description = "0 (store) to 9")
    int deflate_level() default 6;

    @AttributeDefinition(name = "Store incompressible entries", description = "An entry whose first block does not"
            + " compress (already compressed uploads: PDF, zip, images, random bytes) is written without compression"
            + " (deflate level 0), so that no CPU is spent on it; the other entries keep the deflate level")
    boolean deflate_storeIncompressible() default true;

    @AttributeDefinition(name = "Worker callback base URL", description = "The API base an archiver's external"
            + " worker reports to (POST <base>/archive/jobs/{id}/activities/{activity}/reports), e.g."
            + " https://campus.example.org/campus/api/v1; empty: http://localhost:<Karaf's HTTP port>/campus/api/v1")
    String worker_callbackBaseUrl() default "";

    @AttributeDefinition(name = "Worker silence (minutes)", description = "An activity whose archiver awaits an"
            + " external worker fails when the worker has not reported for this long (counted from the hand-over,"
            + " then from its last report), with the reason; 0: wait as long as the archiver asks")
    long worker_silenceMinutes() default 60;

    @AttributeDefinition(name = "Largest uploaded file (bytes)")
    long upload_maxFileBytes() default 8L * 1024 * 1024 * 1024;

    @AttributeDefinition(name = "Most uploaded files per activity")
    int upload_maxFiles() default 10_000;
}
