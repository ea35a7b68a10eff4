package io.boardcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Instance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same migrations on real PostgreSQL, in a schema of this test's own. */
class MigrationsIT {

    @Test
    void migrationsBuildTheSchemaOnPostgres() {
        DriverManagerDataSource postgres = new DriverManagerDataSource(Instance.DATABASE.jdbcUrl(), Instance.DATABASE.user(),
                Instance.DATABASE.password());
        String schema = "migrations_" + System.nanoTime();

        MigrateResult result = Flyway.configure().dataSource(postgres).schemas(schema).load().migrate();

        assertThat(result.success).isTrue();
        assertThat(JdbcClient.create(postgres).sql("select count(*) from information_schema.tables "
                + "where table_schema = ? and table_name in ('users', 'boards', 'memberships', 'board_columns', "
                + "'tasks', 'comments', 'board_events')").param(schema).query(Integer.class).single()).isEqualTo(7);
        JdbcClient.create(postgres).sql("drop schema " + schema + " cascade").update();
    }
}
