package io.boardcast.support;

import io.boardcast.BoardcastApplication;
import io.boardcast.account.AccountService;
import io.boardcast.board.BoardService;
import io.boardcast.task.TaskService;
import io.boardcast.testsupport.AppSettings;
import io.boardcast.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One running app instance, as a separate Spring application in this JVM (so a test can reach its beans) on its own
 * port, sharing PostgreSQL and Redis, with the run's settings from the test kit: the same ones the packaged jar gets.
 */
public final class Instance implements AutoCloseable {

    /**
     * The integration tests' database: one per test JVM, dropped when it exits, by Spring Boot's shutdown handlers,
     * which run once every context (each still using it as it closes) has closed.
     */
    public static final TestDatabase DATABASE = TestDatabase.forThisJvm("boardcast_it_",
            drop -> SpringApplication.getShutdownHandlers().add(drop));

    /** This run's database, Redis channel, session namespace, throttle keys and operator. */
    public static final AppSettings SETTINGS = AppSettings.forRun("it", DATABASE);

    /** Per test run, so concurrent runs on the same Redis never hear each other. */
    public static final String RUN = SETTINGS.runId();

    /** Who may read /actuator/prometheus and /actuator/metrics in tests. */
    public static final String OPERATOR_USERNAME = AppSettings.OPERATOR;
    public static final String OPERATOR_PASSWORD = AppSettings.OPERATOR_PASSWORD;

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
        List<String> args = SETTINGS.with(List.of("server.port=0", "spring.jmx.enabled=false"))
                .with(List.of(properties)).arguments();
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

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** The instance's embedded server (Jetty in the app's own build, Tomcat in -Ptomcat's). */
    public WebServer webServer() {
        return ((WebServerApplicationContext) context).getWebServer();
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
