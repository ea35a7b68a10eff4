package io.boardcast.support;

import io.boardcast.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole app on a random port, over real HTTP, against this run's own PostgreSQL database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
@ActiveProfiles("postgres")
public abstract class PostgresWebIntegration {

    /** Who may read /actuator/prometheus and /actuator/metrics in tests. */
    protected static final String OPERATOR_USERNAME = Instance.OPERATOR_USERNAME;
    protected static final String OPERATOR_PASSWORD = Instance.OPERATOR_PASSWORD;

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", Instance.DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", Instance.DATABASE::user);
        registry.add("spring.datasource.password", Instance.DATABASE::password);
        registry.add("boardcast.operator.username", () -> OPERATOR_USERNAME);
        registry.add("boardcast.operator.password", () -> OPERATOR_PASSWORD);
    }

    /** A fresh browser talking to this app. */
    protected WebSession anonymous() {
        return WebSession.newBrowser("http://127.0.0.1:" + port);
    }

    protected WebSession signedIn(String username) {
        return anonymous().signIn(username, Fixtures.PASSWORD);
    }
}
