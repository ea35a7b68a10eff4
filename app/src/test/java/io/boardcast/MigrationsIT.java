package io.boardcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Instance;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same migrations on real PostgreSQL, in a schema of this test's own. */
class MigrationsIT {

    @Test
    void migrationsBuildTheSchemaOnPostgres() {
        DriverManagerDataSource postgres = postgres();
        String schema = "migrations_" + System.nanoTime();

        MigrateResult result = Flyway.configure().dataSource(postgres).schemas(schema).load().migrate();

        assertThat(result.success).isTrue();
        assertThat(JdbcClient.create(postgres).sql("select count(*) from information_schema.tables "
                + "where table_schema = ? and table_name in ('users', 'boards', 'memberships', 'board_columns', "
                + "'tasks', 'comments', 'board_events')").param(schema).query(Integer.class).single()).isEqualTo(7);
        JdbcClient.create(postgres).sql("drop schema " + schema + " cascade").update();
    }

    @Test
    void aTasksSingleAssigneeBecomesItsFirstOfSeveral() {
        String schema = "assignees_" + System.nanoTime();
        DriverManagerDataSource postgres = postgres();
        postgres.setSchema(schema);
        Flyway.configure().dataSource(postgres).schemas(schema).target("9").load().migrate();
        aTaskAssignedToBob(JdbcClient.create(postgres));

        Flyway.configure().dataSource(postgres).schemas(schema).load().migrate();

        assertThat(assigneesOfTheTask(JdbcClient.create(postgres))).containsExactly("bob");
        JdbcClient.create(postgres).sql("drop schema " + schema + " cascade").update();
    }

    /** Before V11 (at V9: V10 is PostgreSQL-only): one board, bob's task assigned to bob (in the schema the data source is set to). */
    static void aTaskAssignedToBob(JdbcClient db) {
        db.sql("insert into users (id, username, password_hash, created_at) values (1, 'bob', 'x', current_timestamp)").update();
        db.sql("insert into boards (id, name, created_at) values (1, 'Board', current_timestamp)").update();
        db.sql("insert into board_columns (id, board_id, name, position) values (1, 1, 'To do', 0)").update();
        db.sql("insert into tasks (id, board_id, column_id, position, title, assignee_id, creator_id, created_at, updated_at)"
                + " values (1, 1, 1, 0, 'Task', 1, 1, current_timestamp, current_timestamp)").update();
    }

    static List<String> assigneesOfTheTask(JdbcClient db) {
        return db.sql("select u.username from task_assignees a join users u on u.id = a.account_id where a.task_id = 1")
                .query(String.class).list();
    }

    private static DriverManagerDataSource postgres() {
        return new DriverManagerDataSource(Instance.DATABASE.jdbcUrl(), Instance.DATABASE.user(), Instance.DATABASE.password());
    }
}
