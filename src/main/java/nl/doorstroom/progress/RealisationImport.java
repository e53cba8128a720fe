package nl.doorstroom.progress;

import java.time.Instant;

/** One delivery of monthly figures: an import of COA's file, or a batch from another source. */
public record RealisationImport(long id, String source, String label, int rows, String importedBy,
        Instant importedAt) {
}
