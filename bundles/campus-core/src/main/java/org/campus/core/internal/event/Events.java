package org.campus.core.internal.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.campus.core.internal.db.ChangeScopes;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Posts Campus events asynchronously; properties are plain values, never entities.
 *
 * <p>An event that no handler subscribes to (by topic, and by {@code event.filter} when the handler
 * gives one) is not handed to the Event Admin at all: Felix's Event Admin passes every posted event
 * to a pool thread even when nobody listens, which cost about 30 us of CPU per event under load,
 * some 5% of a share's create and read (per-thread CPU of Karaf's JVM during the share-progress
 * bench). The handlers are tracked by their service properties only; none is fetched or activated.
 *
 * <p>An event posted while the thread's change scope ({@link ChangeScopes}) holds an uncommitted write
 * is posted after that change commits, and never if it rolls back: a handler never hears of a change
 * that is not in the database.
 */
@Component(service = Events.class)
public final class Events {

    private final EventAdmin eventAdmin;
    private final ChangeScopes scopes;
    private final boolean onlySubscribed;
    private final Map<ServiceReference<EventHandler>, Subscription> handlers = new HashMap<>();
    private volatile Map<String, List<Subscription>> byTopic = new ConcurrentHashMap<>();

    @Activate
    public Events(@Reference EventAdmin eventAdmin, @Reference ChangeScopes scopes) {
        this(eventAdmin, scopes, true);
    }

    private Events(EventAdmin eventAdmin, ChangeScopes scopes, boolean onlySubscribed) {
        this.eventAdmin = eventAdmin;
        this.scopes = scopes;
        this.onlySubscribed = onlySubscribed;
    }

    /** For tests outside OSGi, where no handler is tracked: every event goes to the Event Admin. */
    public static Events unfiltered(EventAdmin eventAdmin) {
        return unfiltered(eventAdmin, new ChangeScopes());
    }

    /** As {@link #unfiltered(EventAdmin)}, posting after the commit of changes open in {@code scopes}. */
    public static Events unfiltered(EventAdmin eventAdmin, ChangeScopes scopes) {
        return new Events(eventAdmin, scopes, false);
    }

    public void post(String topic, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                properties.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        if (onlySubscribed && !subscribed(topic, properties)) {
            return;
        }
        Event event = new Event(topic, properties);
        if (!scopes.afterCommit(() -> eventAdmin.postEvent(event))) {
            eventAdmin.postEvent(event);
        }
    }

    private boolean subscribed(String topic, Map<String, Object> properties) {
        Map<String, List<Subscription>> cache = byTopic;
        List<Subscription> candidates = cache.get(topic);
        if (candidates == null) {
            candidates = candidates(topic);
            cache.put(topic, candidates);
        }
        if (candidates.isEmpty()) {
            return false;
        }
        Map<String, Object> withTopic = new HashMap<>(properties);
        withTopic.put(EventConstants.EVENT_TOPIC, topic);
        for (Subscription s : candidates) {
            if (s.filter() == null || s.filter().matches(withTopic)) {
                return true;
            }
        }
        return false;
    }

    private synchronized List<Subscription> candidates(String topic) {
        List<Subscription> found = new ArrayList<>();
        for (Subscription s : handlers.values()) {
            if (s.wants(topic)) {
                found.add(s);
            }
        }
        return List.copyOf(found);
    }

    @Reference(service = EventHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindHandler(ServiceReference<EventHandler> handler) {
        handlers.put(handler, Subscription.of(handler));
        byTopic = new ConcurrentHashMap<>();
    }

    synchronized void updatedHandler(ServiceReference<EventHandler> handler) {
        bindHandler(handler);
    }

    synchronized void unbindHandler(ServiceReference<EventHandler> handler) {
        handlers.remove(handler);
        byTopic = new ConcurrentHashMap<>();
    }

    /** What one handler asked for: topics (exact, {@code prefix/*} or {@code *}) and an optional filter. */
    record Subscription(List<String> topics, Filter filter) {

        static Subscription of(ServiceReference<?> handler) {
            return of(handler.getProperty(EventConstants.EVENT_TOPIC), handler.getProperty(EventConstants.EVENT_FILTER));
        }

        static Subscription of(Object topicsProperty, Object filterProperty) {
            List<String> topics = new ArrayList<>();
            if (topicsProperty instanceof String s) {
                topics.add(s);
            } else if (topicsProperty instanceof String[] a) {
                topics.addAll(List.of(a));
            } else if (topicsProperty instanceof Collection<?> c) {
                c.forEach(t -> topics.add(String.valueOf(t)));
            }
            Filter filter = null;
            if (filterProperty instanceof String f && !f.isBlank()) {
                try {
                    filter = FrameworkUtil.createFilter(f);
                } catch (InvalidSyntaxException e) {
                    filter = null; // the Event Admin judges it; here it must not hide events from the handler
                }
            }
            return new Subscription(List.copyOf(topics), filter);
        }

        boolean wants(String topic) {
            for (String t : topics) {
                if (t.equals("*") || t.equals(topic)
                        || (t.endsWith("/*") && topic.startsWith(t.substring(0, t.length() - 1)))) {
                    return true;
                }
            }
            return false;
        }
    }
}
