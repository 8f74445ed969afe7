package org.campus.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.campus.core.internal.db.ChangeScopes;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.junit.jupiter.api.Test;

class EventsTest {

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final List<Event> posted = eventAdmin.events();
    private final Events events = new Events(eventAdmin, new ChangeScopes());

    /** A service reference that answers its properties only, as a handler's registration. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<EventHandler> handler(Map<String, Object> properties) {
        return (ServiceReference<EventHandler>) Proxy.newProxyInstance(EventsTest.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private List<String> topics() {
        return posted.stream().map(Event::getTopic).toList();
    }

    @Test
    void withoutAHandlerNothingIsPosted() {
        events.post("campus/share/STARTED", "id", 1L);
        assertTrue(posted.isEmpty());
    }

    @Test
    void handlersGetWhatTheirTopicsAndFiltersAskFor() {
        events.bindHandler(handler(Map.of(EventConstants.EVENT_TOPIC, "campus/share/*")));
        events.bindHandler(handler(Map.of(EventConstants.EVENT_TOPIC, new String[] { "campus/workflow/ACTION" },
                EventConstants.EVENT_FILTER, "(mails>=1)")));

        events.post("campus/share/STARTED", "id", 1L);
        events.post("campus/sharex/STARTED", "id", 2L);
        events.post("campus/workflow/ACTION", "id", 3L, "mails", 0);
        events.post("campus/workflow/ACTION", "id", 4L, "mails", 2);
        events.post("campus/workflow/OTHER", "id", 5L);

        assertEquals(List.of("campus/share/STARTED", "campus/workflow/ACTION"), topics());
        assertEquals(4L, posted.get(1).getProperty("id"));
    }

    @Test
    void aCatchAllHandlerGetsEverythingUntilItLeaves() {
        ServiceReference<EventHandler> all = handler(Map.of(EventConstants.EVENT_TOPIC, "*"));
        events.post("campus/a/B");
        events.bindHandler(all);
        events.post("campus/a/B");
        events.unbindHandler(all);
        events.post("campus/a/B");

        assertEquals(1, posted.size());
    }

    @Test
    void aMalformedFilterDoesNotHideEventsFromItsHandler() {
        events.bindHandler(handler(Map.of(EventConstants.EVENT_TOPIC, "campus/x", EventConstants.EVENT_FILTER, "(((")));
        events.post("campus/x");
        assertFalse(posted.isEmpty());
    }

    @Test
    void unfilteredEventsPostEverything() {
        Events.unfiltered(eventAdmin).post("campus/anything", "id", 1L, "skipped", null);
        assertEquals(1, posted.size());
        assertFalse(List.of(posted.get(0).getPropertyNames()).contains("skipped"));
    }
}
