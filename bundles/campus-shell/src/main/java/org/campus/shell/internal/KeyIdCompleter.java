package org.campus.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.campus.api.security.ApiKey;
import org.campus.api.security.ApiKeyService;

/** Completes the ids of the API keys that still work. */
@Service
public class KeyIdCompleter implements Completer {

    @Reference
    ApiKeyService keys;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(activeIds()).complete(session, commandLine, candidates);
    }

    List<String> activeIds() {
        return keys.list().stream().filter(ApiKey::active).map(ApiKey::id).collect(Collectors.toList());
    }
}
