package dev.longtail.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.longtail.eval.Dataset.Event;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TemporalSplitTest {

    private static Event[] events(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Event(100 + i, 4.0, 1000L * i))
                .toArray(Event[]::new);
    }

    @Test
    void holdsOutTheLatestFifthOfEachUser() {
        TemporalSplit split = TemporalSplit.of(new Event[][] {events(10), events(3), events(1)}, 0.2);

        assertEquals(8, split.train()[0].length);
        assertArrayEquals(new int[] {108, 109}, split.testItems(0));
        assertEquals(2, split.train()[1].length);
        assertArrayEquals(new int[] {102}, split.testItems(1));
        assertEquals(0, split.train()[2].length);
        assertArrayEquals(new int[] {100}, split.testItems(2));
    }

    @Test
    void ordersTiedTimestampsByItem() {
        EvalData data = new EvalData(
                java.util.List.of(new EvalData.Movie("a", "A", java.util.List.of()),
                        new EvalData.Movie("b", "B", java.util.List.of())),
                java.util.List.of(new EvalData.Rating("1", "b", 4, 50),
                        new EvalData.Rating("1", "a", 3, 50), new EvalData.Rating("1", "zz", 3, 10)),
                java.util.List.of());

        Dataset dataset = Dataset.of(data);

        assertEquals(0, dataset.events[0][0].item());
        assertEquals(1, dataset.events[0][1].item());
        assertEquals(1, dataset.droppedRatings);
    }

    @Test
    void rejectsShareOutsideTheOpenUnitInterval() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemporalSplit.of(new Event[0][], 1.0));

        assertEquals("held-out share must be between 0 and 1, was 1.0", error.getMessage());
    }
}
