package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * What is asked to record or change a meeting: all its parts at once (the edit replaces them); checked by
 * {@link Meetings}, which names every problem. Decisions are numbered in the order given.
 */
public record MeetingForm(LocalDate heldOn, MeetingKind kind, String title, List<Meeting.Participant> participants,
        List<Meeting.AgendaItem> agendaItems, String minutes, List<String> decisions) {

    public static final String HELD_ON = "heldOn";
    public static final String KIND = "kind";
    public static final String TITLE = "title";
    public static final String PARTICIPANTS = "participants";
    public static final String AGENDA_ITEMS = "agendaItems";
    public static final String MINUTES = "minutes";
    public static final String DECISIONS = "decisions";

    public MeetingForm {
        participants = participants == null ? List.of() : List.copyOf(participants);
        agendaItems = agendaItems == null ? List.of() : List.copyOf(agendaItems);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
