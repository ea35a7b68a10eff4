package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TomcatBuffersConfigTest {

    private final TomcatBufferProperties buffers = new TomcatBufferProperties(2048, 1024, 8192);

    @Test
    void pagesGetAPageSizedBuffer() throws Exception {
        MockHttpServletResponse response = responseWithBuffer(1024);

        new TomcatBuffersConfig().pageBuffers(buffers).getFilter()
                .doFilter(new MockHttpServletRequest("GET", "/boards/7"), response, new MockFilterChain());

        assertThat(response.getBufferSize()).isEqualTo(8192);
    }

    @Test
    void eventStreamsKeepTheSmallOne() throws Exception {
        for (String stream : new String[] {"/boards/7/events", "/notifications/events"}) {
            MockHttpServletResponse response = responseWithBuffer(1024);

            new TomcatBuffersConfig().pageBuffers(buffers).getFilter()
                    .doFilter(new MockHttpServletRequest("GET", stream), response, new MockFilterChain());

            assertThat(response.getBufferSize()).as(stream).isEqualTo(1024);
        }
    }

    private static MockHttpServletResponse responseWithBuffer(int size) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setBufferSize(size);
        return response;
    }
}
