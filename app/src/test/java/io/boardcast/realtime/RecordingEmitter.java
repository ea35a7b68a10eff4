package io.boardcast.realtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A browser as the real-time unit tests see it: an emitter that records every frame written to it and how often it
 * is completed, can fail its writes like a broken pipe, and can be disconnected like a closed tab.
 */
class RecordingEmitter extends SseEmitter {

    private static final Pattern BOARD_EVENT = Pattern.compile("id:(\\d+)\nevent:board\ndata:([^\n]*)");

    final List<String> frames = new CopyOnWriteArrayList<>();
    private final List<Runnable> onCompletion = new CopyOnWriteArrayList<>();
    volatile int completions;
    volatile boolean failWrites;
    /** Runs after each recorded write, on the writing thread. */
    volatile Runnable onSend = () -> {
    };

    @Override
    public void send(Set<DataWithMediaType> items) throws IOException {
        if (failWrites) {
            throw new IOException("Broken pipe");
        }
        StringBuilder frame = new StringBuilder();
        items.forEach(item -> frame.append(item.getData()));
        frames.add(frame.toString());
        onSend.run();
    }

    @Override
    public synchronized void complete() {
        completions++;
    }

    boolean completed() {
        return completions > 0;
    }

    @Override
    public void onCompletion(Runnable callback) {
        onCompletion.add(callback);
    }

    /** The container's view of a client that went away. */
    void disconnect() {
        onCompletion.forEach(Runnable::run);
    }

    /** The sequence numbers of the board events written, in order. */
    List<Long> ids() {
        return matches(1).stream().map(Long::valueOf).toList();
    }

    /** The data of the board events written, in order. */
    List<String> data() {
        return matches(2);
    }

    String text() {
        return String.join("", frames);
    }

    private List<String> matches(int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = BOARD_EVENT.matcher(text());
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }
}
