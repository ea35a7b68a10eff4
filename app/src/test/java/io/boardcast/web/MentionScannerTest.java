package io.boardcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as {@code @name} in a piece of plain text. */
class MentionScannerTest {

    @Test
    void aNameAfterAnAtIsAMention() {
        assertThat(names("@bob look")).containsExactly("bob");
        assertThat(names("ask @bob, then @carol")).containsExactly("bob", "carol");
        assertThat(names("(@bob)")).containsExactly("bob");
    }

    @Test
    void namesMayHaveDotsDashesUnderscoresAndDigits() {
        assertThat(names("@bob.smith-2_x")).containsExactly("bob.smith-2_x");
    }

    @Test
    void dotsAtTheEndBelongToTheSentence() {
        assertThat(names("Thanks @bob.")).containsExactly("bob");
        assertThat(names("Hm @bob...")).containsExactly("bob");
        assertThat(found("Thanks @bob.").get(0)).isEqualTo(new MentionScanner.Found("bob", 7, 11));
    }

    @Test
    void anEmailAddressOrADoubleAtMentionsNobody() {
        assertThat(names("write to bob@example.com")).isEmpty();
        assertThat(names("@@bob")).isEmpty();
        assertThat(names("x_@bob")).isEmpty();
    }

    @Test
    void namesOutsideAUsernamesLengthAreNotMentions() {
        assertThat(names("@al")).isEmpty();
        assertThat(names("@" + "a".repeat(40))).containsExactly("a".repeat(40));
        assertThat(names("@" + "a".repeat(41))).isEmpty();
        assertThat(names("@...")).isEmpty();
        assertThat(names("@ab.")).isEmpty();
    }

    @Test
    void whatIsNotANameCharacterEndsTheName() {
        assertThat(names("@bob<script>")).containsExactly("bob");
        assertThat(names("@<script>")).isEmpty();
        assertThat(names("@bob's")).containsExactly("bob");
    }

    private static List<String> names(String text) {
        return found(text).stream().map(MentionScanner.Found::name).toList();
    }

    private static List<MentionScanner.Found> found(String text) {
        return MentionScanner.scan(text);
    }
}
