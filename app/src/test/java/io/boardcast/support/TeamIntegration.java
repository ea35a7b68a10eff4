package io.boardcast.support;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.testsupport.WebSession;
import org.junit.jupiter.api.BeforeEach;

/** What most task flows start from: a fresh team's board with one task, and its editor signed in. */
public abstract class TeamIntegration extends PostgresWebIntegration {

    protected Team team;
    protected WebSession editor;

    @BeforeEach
    void freshTeam() {
        team = fixtures.team();
        editor = signedIn(team.editor());
    }
}
