package io.boardcast.bench;

import java.io.IOException;

/** Makes the change that sequence {@code seq} will carry; returns true if the server took it. */
interface Publisher {

    boolean publish(long seq) throws IOException, InterruptedException;
}
