package org.campus.api.workflow;

import java.util.List;

import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** The notification mails of workflow actions: what was sent, what is waiting, what failed. */
@ProviderType
public interface WorkflowMailService {

    /** A record's mails, oldest first. @throws NotFoundException for an unknown record */
    List<WorkflowMail> mailOf(long recordId);

    /** Mails given up after every attempt, newest first. */
    Page<WorkflowMail> failed(PageRequest page);
}
