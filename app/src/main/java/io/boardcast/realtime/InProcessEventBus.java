package io.boardcast.realtime;

import org.springframework.context.annotation.Profile;
import org.springframework.core.task.TaskExecutor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The embedded default: one instance, so its own feeds are the only subscribers. */
@Component
@Profile("!redis")
class InProcessEventBus implements EventBus {

    private final BoardFeeds feeds;
    private final TaskExecutor dispatcher;

    InProcessEventBus(BoardFeeds feeds, @Qualifier("feedDispatcher") TaskExecutor dispatcher) {
        this.feeds = feeds;
        this.dispatcher = dispatcher;
    }

    @Override
    public void publish(BoardEvent event) {
        dispatcher.execute(() -> feeds.accept(event));
    }
}
