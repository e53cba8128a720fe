package nl.doorstroom.governance.web;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.governance.ActionItem;
import nl.doorstroom.governance.ActionItemForm;
import nl.doorstroom.governance.ActionItemLink;
import nl.doorstroom.governance.Meeting;
import nl.doorstroom.governance.MeetingForm;
import nl.doorstroom.governance.MeetingKind;
import nl.doorstroom.governance.TableMembers;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The meeting and action item forms as typed, and how their text becomes a form for the facades: lists are typed
 * one per line, with {@code |} between an organisation and its persons or an agenda point and its note.
 */
final class MeetingInputs {

    private MeetingInputs() {
    }

    /** The meeting form as typed. */
    record MeetingInput(String heldOn, String kind, String title, String participants, String agendaItems,
            String minutes, String decisions) {

        /** A new meeting: the table's organisations already listed as participants. */
        static MeetingInput empty(String heldOn) {
            return new MeetingInput(heldOn, MeetingKind.REGULAR.name(), "",
                    String.join("\n", TableMembers.TABLE_ORGANISATIONS), "", "", "");
        }

        static MeetingInput of(Meeting m) {
            return new MeetingInput(m.heldOn().toString(), m.kind().name(), m.title(),
                    String.join("\n", m.participants().stream()
                            .map(p -> p.persons() == null ? p.organisation() : p.organisation() + " | " + p.persons()).toList()),
                    String.join("\n", m.agendaItems().stream()
                            .map(a -> a.note() == null ? a.title() : a.title() + " | " + a.note()).toList()),
                    m.minutes() == null ? "" : m.minutes(),
                    String.join("\n", m.decisions().stream().map(Meeting.Decision::text).toList()));
        }

        MeetingForm form(FormInput input) {
            var participants = lines(participants()).stream().map(l -> {
                var parts = split(l);
                return new Meeting.Participant(parts[0], parts[1]);
            }).toList();
            var agenda = lines(agendaItems()).stream().map(l -> {
                var parts = split(l);
                return new Meeting.AgendaItem(parts[0], parts[1]);
            }).toList();
            return new MeetingForm(input.date(MeetingForm.HELD_ON, heldOn()),
                    input.choice(MeetingKind.class, MeetingForm.KIND, kind(), null), title(), participants, agenda,
                    minutes(), lines(decisions()));
        }
    }

    /** The action item form as typed; {@code meeting} only on the page that lets the user choose one. */
    record ActionItemInput(String meeting, String what, String ownerOrganisation, String ownerPerson, String dueOn,
            String links) {

        static ActionItemInput empty(String meeting, String links) {
            return new ActionItemInput(meeting, "", "", "", "", links == null ? "" : links);
        }

        static ActionItemInput of(ActionItem i) {
            return new ActionItemInput(String.valueOf(i.meetingId()), i.what(), i.ownerOrganisation(),
                    i.ownerPerson() == null ? "" : i.ownerPerson(), i.dueOn().toString(),
                    String.join("\n", i.links().stream().map(ActionItemLink::text).toList()));
        }

        ActionItemForm form(FormInput input) {
            return new ActionItemForm(what(), ownerOrganisation(), ownerPerson(),
                    input.date(ActionItemForm.DUE_ON, dueOn()), MeetingInputs.links(input, links()));
        }
    }

    /** Links typed one per line (or separated by commas) as {@code KIND:id}; a line that is none is a problem. */
    static List<ActionItemLink> links(FormInput input, String text) {
        var links = new ArrayList<ActionItemLink>();
        var lines = text == null ? List.<String>of() : List.of(text.split("[\\r\\n,]+"));
        int row = 0;
        for (var line : lines) {
            if (line.isBlank()) {
                continue;
            }
            row++;
            try {
                links.add(ActionItemLink.parse(line));
            }
            catch (IllegalArgumentException e) {
                input.problem(Problem.atRow(row, ActionItemForm.LINKS, "governance.action.link.invalid", line.strip()));
            }
        }
        return links;
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String[] split(String line) {
        int bar = line.indexOf('|');
        if (bar < 0) {
            return new String[] { line.strip(), null };
        }
        var rest = line.substring(bar + 1).strip();
        return new String[] { line.substring(0, bar).strip(), rest.isEmpty() ? null : rest };
    }
}
