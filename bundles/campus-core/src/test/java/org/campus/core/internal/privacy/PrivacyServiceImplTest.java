package org.campus.core.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campus.api.InvalidInputException;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.event.Event;

class PrivacyServiceImplTest {

    private final List<String> erasedUsers = new ArrayList<>();
    private final List<String> purgedCourses = new ArrayList<>();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final List<Event> posted = eventAdmin.events();

    private final PrivacyProvider recording = new PrivacyProvider() {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String description() {
            return "records what it is asked to erase";
        }

        @Override
        public PersonalData exportUser(String userId) {
            return new PersonalData(name(), description(), List.of(Map.of("userId", userId)));
        }

        @Override
        public int deleteUser(String userId) {
            erasedUsers.add(userId);
            return 1;
        }

        @Override
        public int deleteCourse(String courseId) {
            purgedCourses.add(courseId);
            return 2;
        }
    };

    private final PrivacyServiceImpl privacy = new PrivacyServiceImpl(Events.unfiltered(eventAdmin), List.of(recording));

    @Test
    void erasesExactlyTheIdGiven() {
        assertEquals(1, privacy.deleteUser("7").total());
        assertEquals(2, privacy.deleteCourse("c-12").total());
        assertEquals(List.of("7"), erasedUsers);
        assertEquals(List.of("c-12"), purgedCourses);
        assertEquals(2, posted.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7\n", " 7", "7 ", "7\u0000", "\t7", "7\r\nX-Injected: 1", ""})
    void refusesIdsThatOnlyLookLikeAnother(String id) {
        InvalidInputException user = assertThrows(InvalidInputException.class, () -> privacy.deleteUser(id));
        assertEquals("userId", user.errors().get(0).field());
        InvalidInputException course = assertThrows(InvalidInputException.class, () -> privacy.deleteCourse(id));
        assertEquals("courseId", course.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> privacy.exportUser(id));
        assertEquals(List.of(), erasedUsers, "nobody's data was erased");
        assertEquals(List.of(), purgedCourses);
    }
}
