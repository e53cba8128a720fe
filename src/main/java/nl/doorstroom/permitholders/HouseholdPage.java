package nl.doorstroom.permitholders;

import java.util.List;

/** One page of a list of households, with the total that matched. */
public record HouseholdPage(List<HouseholdRow> rows, int page, int size, long total, long persons) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
