package org.campus.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes a log level: {@code debug}, {@code info}, {@code warn}, {@code error}. */
@Service
public class JobLogLevelCompleter implements Completer {

    private final StringsCompleter delegate = new StringsCompleter(JobCodes.levels());

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return delegate.complete(session, commandLine, candidates);
    }
}
