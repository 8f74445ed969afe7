package org.campus.spi.archiver;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/** One activity of a job request, as {@link ActivityArchiver#validate} sees it before the job exists. */
@ProviderType
public interface ActivityRequest {

    /** The LMS course the job archives. */
    String courseId();

    ActivityRef activity();

    /** Whether the request carries a {@code data} member for this activity. */
    boolean hasInlineData();

    /**
     * The activity's {@code data} member as UTF-8 JSON text; the caller closes the stream.
     *
     * @throws IllegalStateException when the request has no data for the activity
     */
    InputStream openInlineData() throws IOException;
}
