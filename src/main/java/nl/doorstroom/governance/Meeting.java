package nl.doorstroom.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting of the table: when, what kind, who took part by organisation, the agenda in order, the minutes and
 * the numbered decisions. {@code minutes} is null for a reader who sees only the public parts
 * ({@code minutesHidden}); {@code version} goes with every change.
 */
public record Meeting(long id, LocalDate heldOn, MeetingKind kind, String title, List<Participant> participants,
        List<AgendaItem> agendaItems, String minutes, boolean minutesHidden, List<Decision> decisions,
        boolean synthetic, int version, String changedBy, Instant changedAt) {

    /** An organisation at the table and, if given, the persons who represented it. */
    public record Participant(String organisation, String persons) {
    }

    /** One point of the agenda as the table set it. */
    public record AgendaItem(String title, String note) {
    }

    /** A decision, numbered within its meeting from 1. */
    public record Decision(int number, String text) {
    }

    public Meeting {
        participants = participants == null ? List.of() : List.copyOf(participants);
        agendaItems = agendaItems == null ? List.of() : List.copyOf(agendaItems);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** Planned: the meeting is today or later, so its agenda still lists the open action items. */
    public boolean plannedOn(LocalDate today) {
        return !heldOn.isBefore(today);
    }
}
