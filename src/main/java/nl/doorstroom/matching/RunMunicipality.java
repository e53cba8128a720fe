package nl.doorstroom.matching;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A municipality as a run saw it: its remaining capacity for the half-year and how it was computed
 * (corrected quota − housed − linked and not yet housed + tolerance, never below zero), the homes it
 * offered in the last twelve months by rooms, and the persons of large households linked to it lately.
 *
 * @param roomsOffered index 1..5 homes with that many rooms, index 6 six or more; index 0 unused
 */
record RunMunicipality(MunicipalityCode code, String region, long correctedQuota, long housed, long linked,
        long tolerance, long capacity, int[] roomsOffered, long largePersons) {

    static long remaining(long correctedQuota, long housed, long linked, long tolerance) {
        return Math.max(0, correctedQuota - housed - linked + tolerance);
    }

    int offered() {
        int sum = 0;
        for (int r = 1; r < roomsOffered.length; r++) {
            sum += roomsOffered[r];
        }
        return sum;
    }

    int offeredWithAtLeast(int rooms) {
        int sum = 0;
        for (int r = Math.min(rooms, roomsOffered.length - 1); r < roomsOffered.length; r++) {
            sum += roomsOffered[r];
        }
        return sum;
    }
}
