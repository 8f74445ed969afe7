package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.sharing.ShareStatus;
import org.junit.jupiter.api.Test;

class MarkRequestTest {

    @Test
    void sentTakesOneUrl() {
        assertEquals(new MarkRequest(4, ShareStatus.SENT, "https://net.example/r/1"),
                MarkRequest.parse(4, "sent", List.of("https://net.example/r/1")));
    }

    @Test
    void errorJoinsTheRestOfTheLine() {
        assertEquals(new MarkRequest(4, ShareStatus.ERROR, "upload failed: 503"),
                MarkRequest.parse(4, "error", List.of("upload", "failed:", "503")));
    }

    @Test
    void missingDetailNamesTheServiceField() {
        InvalidInputException sent = assertThrows(InvalidInputException.class,
                () -> MarkRequest.parse(4, "sent", List.of()));
        assertEquals(List.of(new FieldError("resourceUrl", "is required")), sent.errors());

        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> MarkRequest.parse(4, "error", null));
        assertEquals(List.of(new FieldError("message", "is required")), error.errors());
    }

    @Test
    void sentRejectsSeveralWords() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MarkRequest.parse(4, "sent", List.of("https://a.example/x", "y")));
        assertEquals("resourceUrl", e.errors().get(0).field());
    }

    @Test
    void badStatusIsRejectedBeforeTheDetail() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MarkRequest.parse(4, "done", List.of()));
        assertEquals("status", e.errors().get(0).field());
    }

    @Test
    void appliesTheMatchingServiceCall() {
        FakeShareProgressService shares = new FakeShareProgressService()
                .add(FakeShareProgressService.inProgress(1, 10, 20))
                .add(FakeShareProgressService.inProgress(2, 10, 20));

        MarkRequest.parse(1, "sent", List.of("https://a.example/x")).applyTo(shares);
        MarkRequest.parse(2, "error", List.of("boom")).applyTo(shares);

        assertEquals(List.of("markSent 1 https://a.example/x", "markError 2 boom"), shares.calls);
    }
}
