package io.boardcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The migrations run on H2 in PostgreSQL mode, the embedded default (PostgreSQL: {@link MigrationsIT}). */
class MigrationsTest {

    @Test
    void migrationsBuildTheSchemaOnH2() {
        SimpleDriverDataSource h2 = h2("migrations");

        MigrateResult result = Flyway.configure().dataSource(h2).load().migrate();

        assertThat(result.success).isTrue();
        assertThat(JdbcClient.create(h2).sql("select count(*) from information_schema.tables where table_schema = 'public' and table_name in "
                + "('users', 'boards', 'memberships', 'board_columns', 'tasks', 'comments', 'board_events')")
                .query(Integer.class).single()).isEqualTo(7);
    }

    @Test
    void aTasksSingleAssigneeBecomesItsFirstOfSeveral() {
        SimpleDriverDataSource h2 = h2("assignees");
        Flyway.configure().dataSource(h2).target("9").load().migrate();
        MigrationsIT.aTaskAssignedToBob(JdbcClient.create(h2));

        Flyway.configure().dataSource(h2).load().migrate();

        assertThat(MigrationsIT.assigneesOfTheTask(JdbcClient.create(h2))).containsExactly("bob");
    }

    private static SimpleDriverDataSource h2(String name) {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
