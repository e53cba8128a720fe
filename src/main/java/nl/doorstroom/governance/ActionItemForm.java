package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.List;

/** What is asked to record or change an action item; checked by {@link ActionItems}, which names every problem. */
public record ActionItemForm(String what, String ownerOrganisation, String ownerPerson, LocalDate dueOn,
        List<ActionItemLink> links) {

    public static final String WHAT = "what";
    public static final String OWNER_ORGANISATION = "ownerOrganisation";
    public static final String OWNER_PERSON = "ownerPerson";
    public static final String DUE_ON = "dueOn";
    public static final String LINKS = "links";

    public ActionItemForm {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
