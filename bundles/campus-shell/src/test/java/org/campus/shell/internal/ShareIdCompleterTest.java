package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.campus.api.ForbiddenException;
import org.campus.api.PageRequest;
import org.campus.api.sharing.ShareQuery;
import org.junit.jupiter.api.Test;

class ShareIdCompleterTest {

    private final FakeShareProgressService shares = new FakeShareProgressService();

    private ShareIdCompleter completer() {
        ShareIdCompleter completer = new ShareIdCompleter();
        completer.shares = shares;
        return completer;
    }

    /** A command line whose cursor is at the end of {@code argument}. */
    private static CommandLine typing(String argument) {
        return (CommandLine) Proxy.newProxyInstance(CommandLine.class.getClassLoader(),
                new Class<?>[] {CommandLine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCursorArgument" -> argument;
                    case "getArgumentPosition" -> argument.length();
                    case "getCursorArgumentIndex" -> 1;
                    case "getArguments" -> new String[] {"campus:share-show", argument};
                    case "getBuffer" -> "campus:share-show " + argument;
                    case "getBufferPosition" -> ("campus:share-show " + argument).length();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void asksForTheFiftyNewestShares() {
        for (long id = 1; id <= 60; id++) {
            shares.add(FakeShareProgressService.inProgress(id, 5, 7));
        }

        List<String> ids = completer().recentIds();

        assertEquals(ShareQuery.all(), shares.lastQuery);
        assertEquals(PageRequest.first(50), shares.lastPage);
        assertEquals(50, ids.size());
        assertEquals("60", ids.get(0));
        assertEquals("11", ids.get(49));
    }

    @Test
    void completesByPrefix() {
        shares.add(FakeShareProgressService.inProgress(1, 5, 7))
                .add(FakeShareProgressService.inProgress(12, 5, 7))
                .add(FakeShareProgressService.inProgress(20, 5, 7));
        List<String> candidates = new ArrayList<>();

        completer().complete(null, typing("1"), candidates);

        assertEquals(List.of("1", "12"), candidates.stream().map(String::trim).sorted().toList());
    }

    @Test
    void refusedListGivesNoCandidates() {
        shares.failure = new ForbiddenException("no");

        assertEquals(List.of(), completer().recentIds());
    }
}
