package io.boardcast.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the database round trips a request makes: every statement the request's thread prepares and every commit;
 * and, apart, those of the feed's workers, which render the events pushed to streams. Other background work (sweeps,
 * heartbeats) is not counted. Import it into a test's context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementLog {

    private static final ThreadLocal<Boolean> IN_REQUEST = ThreadLocal.withInitial(() -> false);

    /** The thread name prefix of the feed's workers (the realtime module's {@code feedWorker} executor). */
    private static final String FEED_WORKER = "feed-worker-";

    private final List<String> roundTrips = new CopyOnWriteArrayList<>();
    private final List<String> renderRoundTrips = new CopyOnWriteArrayList<>();

    /** The SQL of each statement, and "commit" for each commit, made by requests since the last {@link #clear()}. */
    public List<String> roundTrips() {
        return List.copyOf(roundTrips);
    }

    /** The same, made by the feed's workers rendering events since the last {@link #clear()}. */
    public List<String> renderRoundTrips() {
        return List.copyOf(renderRoundTrips);
    }

    public void clear() {
        roundTrips.clear();
        renderRoundTrips.clear();
    }

    @Bean
    static BeanPostProcessor countingDataSource(StatementLog log) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                        ? log.counting(dataSource) : bean;
            }
        };
    }

    @Bean
    OncePerRequestFilter requestMarker() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                IN_REQUEST.set(true);
                try {
                    chain.doFilter(request, response);
                } finally {
                    IN_REQUEST.set(false);
                }
            }
        };
    }

    private DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return counting(super.getConnection());
            }
        };
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    List<String> log = IN_REQUEST.get() ? roundTrips
                            : Thread.currentThread().getName().startsWith(FEED_WORKER) ? renderRoundTrips : null;
                    if (log != null) {
                        String name = method.getName();
                        if (name.startsWith("prepare") || name.equals("createStatement")) {
                            log.add(args != null && args.length > 0 ? String.valueOf(args[0]) : name);
                        } else if (name.equals("commit")) {
                            log.add("commit");
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }
}
