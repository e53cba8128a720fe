package nl.doorstroom.quota.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rendered PDF of all letters of a half-year, kept for the next download: rendering 342 letters
 * takes about a second of CPU, and any signed-in user may ask for it. At most {@value #CAPACITY}
 * PDFs are kept; the least recently used goes first.
 */
final class LetterCache {

    static final int CAPACITY = 8;

    /**
     * Everything the letters are made of that can change: the computation, the transfers of its
     * half-year, the language, and the date printed on them. Mergers are not in it: a letter states
     * only mergers recorded before its computation.
     */
    record Key(long calculationId, List<Long> transferIds, Locale locale, LocalDate date) {

        Key {
            transferIds = List.copyOf(transferIds);
        }
    }

    private final Map<Key, byte[]> pdfs = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The PDF for the key: the one kept, or a new one rendered (outside the lock) and kept. */
    byte[] get(Key key, Supplier<byte[]> render) {
        synchronized (pdfs) {
            var kept = pdfs.get(key);
            if (kept != null) {
                return kept;
            }
        }
        var rendered = render.get();
        synchronized (pdfs) {
            pdfs.put(key, rendered);
        }
        return rendered;
    }

    int size() {
        synchronized (pdfs) {
            return pdfs.size();
        }
    }
}
