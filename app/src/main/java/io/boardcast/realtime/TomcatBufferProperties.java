package io.boardcast.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tomcat's buffers, sized for many idle event streams. An open stream keeps its connection's buffers and its
 * request's and response's for its whole life; at Tomcat's sizes (8 KB socket read and write buffers, a response
 * buffer of 8 KB plus a 16 KB character buffer) an idle stream cost 116 KB of heap, with these 76 KB
 * (bench/results/stream-memory-jdk17.md). What stays is not configurable: a 16 KB character buffer of every request,
 * the request-header buffer (8 KB plus the socket read buffer), an 8 KB response-header buffer and Tomcat's request
 * objects. Set in application.yml; 8192 for all three is Tomcat's own behaviour. Ignored on other servers.
 * <p>
 * Tomcat can grow a response's buffer ({@code setBufferSize}) but never shrink it, so responses start small and
 * every response but an event stream's is grown to page size as it starts.
 *
 * @param socketBufferSize   bytes of each connection's socket read buffer and of its write buffer (Tomcat: 8192).
 *                           Only a staging area: a write larger than it goes to the socket directly.
 * @param responseBufferSize bytes of the output buffer each response starts with, and chars of its character buffer
 *                           (Tomcat: 8192). What an event stream keeps: it writes each event and flushes.
 * @param pageBufferSize     bytes every other response's buffer is grown to as it starts, so pages are buffered and
 *                           written out in as few pieces as before.
 */
@ConfigurationProperties("boardcast.tomcat")
public record TomcatBufferProperties(int socketBufferSize, int responseBufferSize, int pageBufferSize) {
}
