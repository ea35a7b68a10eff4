package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardFilterTest {

    @Test
    void aFilterWrittenAsAQueryReadsBackTheSameWhateverItsText() {
        CardFilter filter = new CardFilter(" a+b & c=d %20 ", List.of("Bug", "Needs review", "7"), "bob", "Overdue");

        assertThat(filter.query()).isEqualTo("q=a%2Bb%20%26%20c%3Dd%20%2520&label=Bug&label=Needs%20review&label=7"
                + "&assignee=bob&due=overdue");
        assertThat(CardFilter.parse(filter.query())).isEqualTo(filter);
    }

    @Test
    void aBrowsersAddressReadsAsAFormDoesAndBlankPartsNarrowNothing() {
        assertThat(CardFilter.parse("q=log+in&label=&assignee=&due=")).isEqualTo(
                new CardFilter("log in", List.of(), "", ""));
        assertThat(CardFilter.parse("q=&label=&assignee=&due=").isEmpty()).isTrue();
        assertThat(CardFilter.parse("garbage&=x&q=%zz").isEmpty()).isTrue();
        assertThat(CardFilter.NONE.query()).isEmpty();
    }

    @Test
    void overlongPartsAreCutAndLabelsKeptToTen() {
        CardFilter filter = new CardFilter("x".repeat(500), java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> "label" + i).toList(), "y".repeat(100), null);

        assertThat(filter.q()).hasSize(CardFilter.MAX_TEXT);
        assertThat(filter.labels()).hasSize(CardFilter.MAX_LABELS);
        assertThat(filter.assignee()).hasSize(CardFilter.MAX_NAME);
    }

    @Test
    void meIsReadAsThePersonWhosePageItIsAndAnUnknownDueStateIsNamed() {
        assertThat(new CardFilter("", List.of(), "ME", "").as("alice").assignee()).isEqualTo("alice");
        assertThat(new CardFilter("", List.of(), "bob", "").as("alice").assignee()).isEqualTo("bob");
        assertThat(new CardFilter("", List.of(), "", "someday").problems()).containsExactly(
                "\u201csomeday\u201d is not a due date filter (overdue, soon or none); it is left out.");
    }
}
