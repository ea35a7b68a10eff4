package io.boardcast.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded store's rules, which the Redis store shares: expiry, refresh never re-adds, pages by their person. */
class InMemoryPresenceStoreTest {

    private static final long BOARD = 1;
    private static final long OTHER_BOARD = 2;

    private final InMemoryPresenceStore store = new InMemoryPresenceStore();

    @Test
    void anEntryLivesUntilItExpiresUnlessRefreshed() {
        store.join(BOARD, viewer("s1", "page-alice", "alice"), 1_000);
        store.join(BOARD, viewer("s2", "page-bob", "bob"), 1_000);

        store.refresh(Map.of(BOARD, List.of("s1")), 2_000);

        assertThat(names(store.viewers(BOARD, 999))).containsExactlyInAnyOrder("alice", "bob");
        assertThat(names(store.viewers(BOARD, 1_000))).containsExactly("alice");
        assertThat(store.viewers(BOARD, 2_000)).isEmpty();
    }

    @Test
    void aRefreshNeverBringsBackAnEntryThatLeft() {
        store.join(BOARD, viewer("s1", "page-alice", "alice"), 1_000);
        assertThat(store.leavePage(BOARD, "page-alice", "alice")).isTrue();

        store.refresh(Map.of(BOARD, List.of("s1")), 5_000);

        assertThat(store.viewers(BOARD, 0)).isEmpty();
        assertThat(store.leave(BOARD, "s1")).isFalse();
    }

    @Test
    void aPageLeavesOnlyForItsOwnPersonAndOnlyOnItsBoard() {
        store.join(BOARD, viewer("s1", "page-alice", "alice"), 1_000);
        store.join(BOARD, viewer("s2", "page-alice", "alice"), 1_000); // the same page reconnected elsewhere
        store.join(OTHER_BOARD, viewer("s3", "page-alice", "alice"), 1_000);

        assertThat(store.leavePage(BOARD, "page-alice", "mallory")).isFalse();
        assertThat(store.leavePage(BOARD, "page-alice", "alice")).isTrue();

        assertThat(store.viewers(BOARD, 0)).isEmpty();
        assertThat(names(store.viewers(OTHER_BOARD, 0))).containsExactly("alice");
    }

    @Test
    void editingChangesOnlyTheNamedPagesEntriesAndSaysWhetherAnythingChanged() {
        store.join(BOARD, viewer("s1", "page-one", "alice"), 1_000);
        store.join(BOARD, viewer("s2", "page-two", "alice"), 1_000);

        assertThat(store.editing(BOARD, "page-one", "alice", true)).isTrue();
        assertThat(store.editing(BOARD, "page-one", "alice", true)).isFalse();
        assertThat(store.editing(BOARD, "page-one", "bob", false)).isFalse();

        assertThat(store.viewers(BOARD, 0)).extracting(Viewer::id, Viewer::editing)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("s1", true),
                        org.assertj.core.groups.Tuple.tuple("s2", false));
    }

    @Test
    void aStreamLeavesByItsIdAndOnlyOnce() {
        store.join(BOARD, viewer("s1", "page-alice", "alice"), 1_000);

        assertThat(store.leave(BOARD, "s1")).isTrue();
        assertThat(store.leave(BOARD, "s1")).isFalse();
        assertThat(store.viewers(BOARD, 0)).isEmpty();
    }

    @Test
    void peopleAreListedOnceByNameAndEditingIfAnyOfTheirPagesIs() {
        List<Person> people = PresenceFragments.people(List.of(new Viewer("s1", "p1", "bob", 5, false),
                new Viewer("s2", "p2", "alice", 5, false), new Viewer("s3", "p3", "bob", 5, true)));

        assertThat(people).containsExactly(new Person("alice", false), new Person("bob", true));
        assertThat(new Person("mary-jane.smith", false).initials()).isEqualTo("MJ");
        assertThat(new Person("bob", false).initials()).isEqualTo("B");
        assertThat(new Person("alice", false).colour()).matches("avatar-[0-7]");
    }

    private static Viewer viewer(String id, String page, String username) {
        return new Viewer(id, page, username, 0, false);
    }

    private static List<String> names(List<Viewer> viewers) {
        return viewers.stream().map(Viewer::username).toList();
    }
}
