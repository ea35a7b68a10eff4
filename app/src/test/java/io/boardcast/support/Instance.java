package io.boardcast.support;

import io.boardcast.BoardcastApplication;
import io.boardcast.account.AccountService;
import io.boardcast.board.BoardService;
import io.boardcast.task.TaskService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One running app instance, as a separate Spring application on its own port sharing PostgreSQL and Redis. */
public final class Instance implements AutoCloseable {

    /** Per test run, so concurrent runs on the same Redis never hear each other. */
    public static final String RUN = "it-" + Long.toString(System.currentTimeMillis(), 36);

    /** Who may read /actuator/prometheus and /actuator/metrics in tests. */
    public static final String OPERATOR_USERNAME = "prometheus";
    public static final String OPERATOR_PASSWORD = "it-operator-" + RUN;

    private final ConfigurableApplicationContext context;

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance with the given profiles and extra properties ("key=value"). */
    public static Instance start(String profiles, String... properties) {
        return start(null, profiles, properties);
    }

    /** The same, with a clock the test controls (null: the system clock). */
    public static Instance start(Clock clock, String profiles, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--boardcast.realtime.channel=boardcast:" + RUN + ":events",
                "--spring.session.redis.namespace=boardcast:" + RUN + ":session",
                "--boardcast.throttle.key-prefix=boardcast:" + RUN + ":throttle",
                "--boardcast.operator.username=" + OPERATOR_USERNAME,
                "--boardcast.operator.password=" + OPERATOR_PASSWORD,
                "--spring.data.redis.host=" + TestDatabase.setting("BOARDCAST_TEST_REDIS_HOST", "127.0.0.1"),
                "--spring.data.redis.port=" + TestDatabase.setting("BOARDCAST_TEST_REDIS_PORT", "6379"),
                "--spring.jmx.enabled=false"));
        for (String property : properties) {
            // A property given here replaces the default above (two values would be joined with a comma).
            String name = property.substring(0, property.indexOf('='));
            args.removeIf(arg -> arg.startsWith("--" + name + "="));
            args.add("--" + property);
        }
        SpringApplicationBuilder app = new SpringApplicationBuilder(BoardcastApplication.class)
                .profiles(profiles.split(","));
        if (clock != null) {
            app.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        return new Instance(app.run(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Fixtures fixtures() {
        return new Fixtures(bean(AccountService.class), bean(BoardService.class), bean(TaskService.class));
    }

    public double gauge(String name) {
        return bean(MeterRegistry.class).get(name).gauge().value();
    }

    public double counter(String name) {
        return bean(MeterRegistry.class).get(name).counter().count();
    }

    /** Stops every instance that was started (a null is one whose start failed). */
    public static void closeAll(Instance... instances) {
        for (Instance instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
