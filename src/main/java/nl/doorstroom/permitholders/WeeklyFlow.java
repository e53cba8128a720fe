package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Households per week by step: new permits (nationally only), links, cancelled links, offers, HAR
 * placements and moves, for the weeks starting on the given Mondays.
 */
public record WeeklyFlow(List<LocalDate> weeks, Map<String, List<Long>> households, Map<String, List<Long>> persons) {

    public static final List<String> KINDS = List.of("REGISTERED", "LINKED", "LINK_CANCELLED", "OFFERED", "HAR_PLACED",
            "MOVED_IN");
}
