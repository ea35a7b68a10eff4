package io.boardcast.realtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.TaskExecutor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The embedded default: one instance, so its own registry is the only subscriber. (A provider: the registry reads the
 * log, and the log publishes here.)
 */
@Component
@Profile("!redis")
class InProcessEventBus implements EventBus {

    private final ObjectProvider<EmitterRegistry> registry;
    private final TaskExecutor dispatcher;

    InProcessEventBus(ObjectProvider<EmitterRegistry> registry, @Qualifier("feedDispatcher") TaskExecutor dispatcher) {
        this.registry = registry;
        this.dispatcher = dispatcher;
    }

    @Override
    public void publish(BoardEvent event) {
        dispatcher.execute(() -> registry.getObject().accept(event));
    }

    @Override
    public void publish(PersonalEvent event) {
        dispatcher.execute(() -> registry.getObject().accept(event));
    }

    @Override
    public void publish(SignalEvent signal) {
        dispatcher.execute(() -> registry.getObject().accept(signal));
    }
}
