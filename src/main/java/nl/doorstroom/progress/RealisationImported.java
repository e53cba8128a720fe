package nl.doorstroom.progress;

/** Monthly figures of housed permit holders arrived (an import of COA's file, or another source). */
public record RealisationImported(long importId, String source, int rows) {
}
