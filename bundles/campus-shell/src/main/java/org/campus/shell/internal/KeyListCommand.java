package org.campus.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.security.ApiKey;
import org.campus.api.security.ApiKeyService;

@Service
@Command(scope = "campus", name = "key-list", description = "Lists the API keys of LMS clients, newest first (never their secrets).")
public class KeyListCommand extends CampusAction {

    @Reference
    ApiKeyService keys;

    @Option(name = "--all", aliases = "-a", description = "Also list revoked keys")
    boolean all;

    @Override
    protected void run(PrintStream out) {
        List<ApiKey> list = keys.list().stream().filter(k -> all || k.active()).collect(Collectors.toList());
        KeyTables.list(list).print(out);
    }
}
