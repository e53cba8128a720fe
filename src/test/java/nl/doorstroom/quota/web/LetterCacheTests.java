package nl.doorstroom.quota.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class LetterCacheTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Locale DUTCH = Locale.forLanguageTag("nl");

    final AtomicInteger renders = new AtomicInteger();

    @Test
    void unchangedLettersAreRenderedOnce() {
        var cache = new LetterCache();
        var key = new LetterCache.Key(7, List.of(1L, 2L), DUTCH, TODAY);

        var first = cache.get(key, render("first"));
        var second = cache.get(new LetterCache.Key(7, List.of(1L, 2L), DUTCH, TODAY), render("second"));

        assertThat(second).isSameAs(first);
        assertThat(renders).hasValue(1);
    }

    @Test
    void aNewComputationTransferLanguageOrDateIsRenderedAgain() {
        var cache = new LetterCache();
        cache.get(new LetterCache.Key(7, List.of(1L), DUTCH, TODAY), render("letters"));

        cache.get(new LetterCache.Key(8, List.of(1L), DUTCH, TODAY), render("new computation"));
        cache.get(new LetterCache.Key(7, List.of(1L, 2L), DUTCH, TODAY), render("new transfer"));
        cache.get(new LetterCache.Key(7, List.of(1L), Locale.ENGLISH, TODAY), render("English"));
        cache.get(new LetterCache.Key(7, List.of(1L), DUTCH, TODAY.plusDays(1)), render("next day"));

        assertThat(renders).hasValue(5);
    }

    @Test
    void atMostEightAreKeptAndTheLeastRecentlyUsedGoesFirst() {
        var cache = new LetterCache();
        for (long id = 1; id <= LetterCache.CAPACITY; id++) {
            cache.get(new LetterCache.Key(id, List.of(), DUTCH, TODAY), render("letters " + id));
        }
        cache.get(new LetterCache.Key(1, List.of(), DUTCH, TODAY), render("used again"));

        cache.get(new LetterCache.Key(99, List.of(), DUTCH, TODAY), render("one more"));

        assertThat(cache.size()).isEqualTo(LetterCache.CAPACITY);
        assertThat(renders).hasValue(LetterCache.CAPACITY + 1);
        cache.get(new LetterCache.Key(1, List.of(), DUTCH, TODAY), render("kept"));
        assertThat(renders).as("the one used again is kept").hasValue(LetterCache.CAPACITY + 1);
        cache.get(new LetterCache.Key(2, List.of(), DUTCH, TODAY), render("evicted"));
        assertThat(renders).as("the least recently used was evicted").hasValue(LetterCache.CAPACITY + 2);
    }

    private Supplier<byte[]> render(String text) {
        return () -> {
            renders.incrementAndGet();
            return text.getBytes();
        };
    }
}
