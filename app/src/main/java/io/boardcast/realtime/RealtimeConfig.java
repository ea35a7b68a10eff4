package io.boardcast.realtime;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
class RealtimeConfig implements SchedulingConfigurer {

    private final ObjectProvider<BoardFeeds> feeds;
    private final RealtimeProperties properties;

    RealtimeConfig(ObjectProvider<BoardFeeds> feeds, RealtimeProperties properties) {
        this.feeds = feeds;
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
     * Writes to streams. A write to a stalled client blocks its thread until the socket times out, so each stream
     * gets its own thread while it writes: virtual threads where the JVM has them, else a large elastic pool.
     */
    @Bean
    Executor streamSender() {
        if (Runtime.version().feature() >= 21) {
            return new VirtualThreadTaskExecutor("stream-sender-");
        }
        return new ThreadPoolExecutor(0, 2048, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new CustomizableThreadFactory("stream-sender-"));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedRateTask(() -> feeds.getObject().heartbeat(), properties.heartbeatInterval());
        registrar.addFixedDelayTask(() -> feeds.getObject().sweep(), properties.sweepInterval());
    }
}
