package nl.doorstroom.reception;

import java.time.Instant;
import java.time.LocalDate;

/** One import of reported figures: a version that never changes; a correction is a later import. */
public record FigureImport(long id, FigureKind kind, String label, boolean synthetic, String importedBy,
        Instant importedAt, int rows, long sum, LocalDate latestReferenceDate) {
}
