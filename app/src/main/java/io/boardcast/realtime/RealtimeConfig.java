package io.boardcast.realtime;

import io.micrometer.observation.ObservationPredicate;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Configuration(proxyBeanMethods = false)
class RealtimeConfig implements SchedulingConfigurer {

    private final ObjectProvider<EmitterRegistry> registry;
    private final RealtimeProperties properties;

    RealtimeConfig(ObjectProvider<EmitterRegistry> registry, RealtimeProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** One thread applies bus messages, so each board's events are handled in the order they arrive. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor feedDispatcher() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("feed-dispatcher-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * Does each watched board's slow work: reads its log to fill gaps and catch up (after a lost message, a
     * resubscription, the sweep), renders its events and hands them to its streams. Each feed runs one task at a
     * time, in order; several threads, so a board whose work is slow doesn't hold up the others.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor feedWorker() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setThreadNamePrefix("feed-worker-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * Writes to streams. A write to a stalled client blocks its thread until the socket's write timeout, and each
     * stream has at most one sender at a time, so a stalled client pins one thread and no more: virtual threads where
     * the JVM has them, else an elastic pool as large as the connections an instance accepts, so stalled clients can
     * never use up the threads that healthy streams need.
     */
    @Bean
    Executor streamSender(@Value("${server.tomcat.max-connections:25000}") int maxConnections) {
        if (Runtime.version().feature() >= 21) {
            return new VirtualThreadTaskExecutor("stream-sender-");
        }
        return new ThreadPoolExecutor(0, maxConnections + 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new CustomizableThreadFactory("stream-sender-"));
    }

    /**
     * No observation of an event stream's request, nor of Spring Security's filters around it: they last as long as
     * the stream, so each idle stream kept three observations with their contexts, key values and long-task-timer
     * samples (≈ 4 KB of heap, bench/results/stream-memory-*.md) for figures nobody reads; the streams have their own
     * ({@code boardcast.streams.*}).
     */
    @Bean
    ObservationPredicate noObservationOfEventStreams() {
        return (name, context) -> {
            if (context instanceof ServerRequestObservationContext request) {
                return !EventStreamController.isEventStream(request.getCarrier());
            }
            return !(name.startsWith("spring.security.")
                    && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    && EventStreamController.isEventStream(attributes.getRequest()));
        };
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedRateTask(() -> registry.getObject().heartbeat(), properties.heartbeatInterval());
        registrar.addFixedDelayTask(() -> registry.getObject().sweep(), properties.sweepInterval());
    }
}
