package io.boardcast.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.PostgresWebIntegration;
import io.boardcast.testsupport.WebSession.Answer;
import io.boardcast.testsupport.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BoardFlowsIT extends PostgresWebIntegration {

    @Autowired
    MembershipRepository memberships;

    @Test
    void newBoardHasThreeColumnsAndItsCreatorOwnsIt() {
        WebSession alice = signedIn(fixtures.user("creator"));

        Answer created = alice.post("/boards", Map.of("name", "Roadmap"));
        Answer board = alice.get(created.location().replace(alice.baseUrl(), ""));

        assertThat(created.status()).isEqualTo(302);
        assertThat(board.body()).contains("Roadmap", "To do", "In progress", "Done", "New task");
        assertThat(alice.get("/boards").body()).contains("Roadmap", "Owner");
    }

    @Test
    void boardWithoutANameIsExplained() {
        Answer page = signedIn(fixtures.user("nameless")).post("/boards", Map.of("name", " "));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("Give the board a name.");
    }

    @Test
    void ownerAddsAMemberWhoThenSeesTheBoard() {
        Team team = fixtures.team();
        WebSession owner = signedIn(team.owner());

        Answer added = owner.post(team.boardPath() + "/members", Map.of("username", team.outsider(), "role", "VIEWER"));

        assertThat(added.status()).isEqualTo(302);
        assertThat(signedIn(team.outsider()).get(team.boardPath()).status()).isEqualTo(200);
    }

    @Test
    void addingSomeoneUnknownOrAlreadyThereIsExplained() {
        Team team = fixtures.team();
        WebSession owner = signedIn(team.owner());

        Answer unknown = owner.post(team.boardPath() + "/members", Map.of("username", "nobody-at-all", "role", "EDITOR"));
        Answer twice = owner.post(team.boardPath() + "/members", Map.of("username", team.editor(), "role", "EDITOR"));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("No user is called that.");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("That user is already a member.");
    }

    @Test
    void viewerSeesNoEditForms() {
        Team team = fixtures.team();
        WebSession viewer = signedIn(team.viewer());

        assertThat(viewer.get(team.boardPath()).body()).doesNotContain("New task", "class=\"move\"");
        assertThat(viewer.get(team.taskPath()).body()).doesNotContain("Save changes", "Delete task", "Add a comment");
    }

    @Test
    void lastOwnerCannotBeRemoved() {
        Team team = fixtures.team();
        WebSession owner = signedIn(team.owner());
        long ownMembership = memberships.find(team.boardId(), team.owner()).orElseThrow().getId();

        Answer refused = owner.post(team.boardPath() + "/members/" + ownMembership + "/delete", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("A board needs at least one owner.");
    }

    @Test
    void ownerRenamesTheBoardAndABlankNameIsExplained() {
        Team team = fixtures.team();
        WebSession owner = signedIn(team.owner());

        Answer renamed = owner.post(team.boardPath() + "/name", Map.of("name", "  Spring launch  "));
        Answer blank = owner.post(team.boardPath() + "/name", Map.of("name", " "));

        assertThat(renamed.status()).isEqualTo(302);
        assertThat(signedIn(team.viewer()).get(team.boardPath()).body()).contains(">Spring launch</span>");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("Give the board a name.");
    }
}
