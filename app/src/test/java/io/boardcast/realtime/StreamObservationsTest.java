package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class StreamObservationsTest {

    private final ObservationPredicate predicate = new RealtimeConfig(null, null).noObservationOfEventStreams();

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anEventStreamsRequestIsNotObserved() {
        for (String stream : new String[] {"/boards/7/events", "/notifications/events"}) {
            assertThat(predicate.test("http.server.requests", serverContext(stream))).as(stream).isFalse();
        }
    }

    @Test
    void pagesAreObservedAsBefore() {
        assertThat(predicate.test("http.server.requests", serverContext("/boards/7"))).isTrue();
    }

    @Test
    void springSecuritysFiltersAroundAStreamAreNotObservedEither() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/boards/7/events")));

        assertThat(predicate.test("spring.security.filterchains", new Observation.Context())).isFalse();
        assertThat(predicate.test("jdbc.query", new Observation.Context())).isTrue();
    }

    @Test
    void springSecuritysFiltersAroundAPageAreObserved() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/boards/7")));

        assertThat(predicate.test("spring.security.filterchains", new Observation.Context())).isTrue();
    }

    private static ServerRequestObservationContext serverContext(String path) {
        return new ServerRequestObservationContext(new MockHttpServletRequest("GET", path), new MockHttpServletResponse());
    }
}
