package io.boardcast.realtime;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 connector with a response buffer of our size: Tomcat sizes each response's buffers by its
 * protocol's {@link #getDesiredBufferSize()} and offers no setting for it. Public, with a public constructor: Tomcat
 * creates it by class name.
 */
public class TomcatStreamProtocol extends Http11NioProtocol {

    private volatile int responseBufferSize = -1;

    /** -1: Tomcat's default (8192). */
    public void setResponseBufferSize(int responseBufferSize) {
        this.responseBufferSize = responseBufferSize;
    }

    @Override
    public int getDesiredBufferSize() {
        return responseBufferSize;
    }
}
