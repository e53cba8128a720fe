package nl.doorstroom.governance.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.doorstroom.governance.ActionItem;
import nl.doorstroom.governance.ActionItemLink;
import nl.doorstroom.governance.ActionItemStatus;
import nl.doorstroom.governance.ActionItems;
import nl.doorstroom.governance.Meeting;
import nl.doorstroom.governance.MeetingKind;
import nl.doorstroom.governance.Meetings;
import nl.doorstroom.governance.TableMembers;
import nl.doorstroom.governance.web.MeetingInputs.ActionItemInput;
import nl.doorstroom.governance.web.MeetingInputs.MeetingInput;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.governance.MeetingNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The table's own pages: its home (coming and past meetings, my action items, how many are overdue), a meeting with
 * its agenda, minutes, decisions and action items (and, while still to come, the open items the agenda lists by
 * itself), the printable agenda, the work list of action items, and one item with its status history.
 */
@Controller
class MeetingPages {

    /** How many past meetings the home page lists. */
    static final int PAST_ON_HOME = 10;

    /** A linked figure as shown: its kind, a label and the page that shows it. */
    record LinkView(String kindKey, String label, String path) {
    }

    /** An action item in a list: the item, its links as shown, and whether it is overdue today. */
    record ItemRow(ActionItem item, List<LinkView> links, boolean overdue, long daysOverdue) {
    }

    private final Meetings meetings;
    private final ActionItems actionItems;
    private final MunicipalityRegistry registry;

    MeetingPages(Meetings meetings, ActionItems actionItems, MunicipalityRegistry registry) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.registry = registry;
    }

    @ExceptionHandler(MeetingNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    // ---- the table's home

    @GetMapping("/governance")
    String home(Model model) {
        var today = today();
        var mine = actionItems.search(new ActionItems.Query(true, null, null, null)).stream()
                .filter(ActionItem::isOpen).toList();
        var visibleOpen = actionItems.openOn(today);
        model.addAttribute("today", today);
        model.addAttribute("upcoming", meetings.from(today));
        model.addAttribute("past", meetings.before(today).stream().limit(PAST_ON_HOME).toList());
        model.addAttribute("mine", rows(mine, today));
        model.addAttribute("myOrganisations", actionItems.myOrganisations());
        model.addAttribute("openCount", visibleOpen.size());
        model.addAttribute("overdueCount", visibleOpen.stream().filter(i -> i.overdueOn(today)).count());
        model.addAttribute("myOverdueCount", mine.stream().filter(i -> i.overdueOn(today)).count());
        model.addAttribute("mayEdit", TableMembers.mayEdit());
        return "governance/meeting-home";
    }

    // ---- meetings

    @GetMapping("/governance/meetings/new")
    String newMeeting(Model model) {
        return meetingForm(model, null, MeetingInput.empty(today().toString()), FieldProblems.NONE, false);
    }

    @PostMapping("/governance/meetings")
    String recordMeeting(@ModelAttribute MeetingInput typed, Model model, RedirectAttributes redirect) {
        try {
            var input = new FormInput();
            var form = typed.form(input);
            input.check();
            long id = meetings.record(form);
            redirect.addFlashAttribute("notice", Notice.of("governance.meeting.recorded"));
            return "redirect:/governance/meetings/" + id;
        }
        catch (InvalidInput e) {
            return meetingForm(model, null, typed, new FieldProblems(e.problems()), false);
        }
    }

    @GetMapping("/governance/meetings/{id:\\d+}/edit")
    String editMeeting(@PathVariable long id, Model model) {
        var meeting = meetings.find(id);
        model.addAttribute("version", meeting.version());
        return meetingForm(model, meeting, MeetingInput.of(meeting), FieldProblems.NONE, false);
    }

    @PostMapping("/governance/meetings/{id:\\d+}")
    String changeMeeting(@PathVariable long id, @RequestParam int version, @ModelAttribute MeetingInput typed, Model model,
            RedirectAttributes redirect) {
        try {
            var input = new FormInput();
            var form = typed.form(input);
            input.check();
            meetings.change(id, version, form);
            redirect.addFlashAttribute("notice", Notice.of("governance.meeting.changed"));
            return "redirect:/governance/meetings/" + id;
        }
        catch (InvalidInput e) {
            // The version the edit was based on stays, so that a later save still notices someone else's change.
            model.addAttribute("version", version);
            return meetingForm(model, meetings.find(id), typed, new FieldProblems(e.problems()), false);
        }
        catch (EditConflict e) {
            // The form keeps what was typed and now carries the latest version: saving again replaces the other
            // change, once the user has seen it.
            var current = meetings.find(id);
            model.addAttribute("version", current.version());
            return meetingForm(model, current, typed, FieldProblems.NONE, true);
        }
    }

    private String meetingForm(Model model, Meeting meeting, MeetingInput input, FieldProblems problems, boolean conflict) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("input", input);
        model.addAttribute("errors", problems);
        model.addAttribute("problems", problems.all());
        model.addAttribute("conflict", conflict);
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("tableOrganisations", TableMembers.TABLE_ORGANISATIONS);
        return "governance/meeting-form";
    }

    @GetMapping("/governance/meetings/{id:\\d+}")
    String meeting(@PathVariable long id, Model model) {
        return meeting(id, model, ActionItemInput.empty(String.valueOf(id), null), FieldProblems.NONE);
    }

    private String meeting(long id, Model model, ActionItemInput itemInput, FieldProblems itemProblems) {
        var today = today();
        var agenda = meetings.agendaOf(id);
        model.addAttribute("meeting", agenda.meeting());
        model.addAttribute("planned", agenda.planned());
        model.addAttribute("openItems", rows(agenda.openActionItems(), agenda.meeting().heldOn()));
        model.addAttribute("minutesParagraphs", MeetingInputs.lines(agenda.meeting().minutes()));
        model.addAttribute("items", rows(actionItems.ofMeeting(id), today));
        model.addAttribute("today", today);
        model.addAttribute("mayEdit", TableMembers.mayEdit());
        model.addAttribute("itemInput", itemInput);
        model.addAttribute("errors", itemProblems);
        model.addAttribute("problems", itemProblems.all());
        addOwnerChoices(model);
        return "governance/meeting";
    }

    @PostMapping("/governance/meetings/{id:\\d+}/action-items")
    String recordItemAtMeeting(@PathVariable long id, @ModelAttribute ActionItemInput typed, Model model,
            RedirectAttributes redirect) {
        try {
            var input = new FormInput();
            var form = typed.form(input);
            input.check();
            long item = actionItems.record(id, form);
            redirect.addFlashAttribute("notice", Notice.of("governance.action.recorded", item));
            return "redirect:/governance/meetings/" + id + "#action-items";
        }
        catch (InvalidInput e) {
            return meeting(id, model, typed, new FieldProblems(e.problems()));
        }
    }

    /** The agenda to print or send: the points set and the open action items, without the site's navigation. */
    @GetMapping("/governance/meetings/{id:\\d+}/agenda")
    String printableAgenda(@PathVariable long id, Model model) {
        var agenda = meetings.agendaOf(id);
        model.addAttribute("meeting", agenda.meeting());
        model.addAttribute("planned", agenda.planned());
        model.addAttribute("openItems", rows(agenda.openActionItems(), agenda.meeting().heldOn()));
        return "governance/meeting-agenda";
    }

    // ---- action items

    @GetMapping("/governance/action-items")
    String workList(@RequestParam(required = false) String show, @RequestParam(required = false) String status,
            @RequestParam(required = false) String overdue, Model model) {
        var today = today();
        var input = new FormInput();
        var chosenStatus = input.choice(ActionItemStatus.class, "status", status, null);
        boolean all = "all".equals(show);
        Boolean onlyOverdue = "true".equals(overdue) ? Boolean.TRUE : null;
        var problems = new ArrayList<InvalidInput.Problem>();
        try {
            input.check();
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        var items = actionItems.search(new ActionItems.Query(!all, null, chosenStatus, onlyOverdue));
        model.addAttribute("rows", rows(items, today));
        model.addAttribute("show", all ? "all" : "mine");
        model.addAttribute("statusText", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("overdueOnly", onlyOverdue != null);
        model.addAttribute("statuses", ActionItemStatus.values());
        model.addAttribute("myOrganisations", actionItems.myOrganisations());
        model.addAttribute("overdueCount", items.stream().filter(i -> i.overdueOn(today)).count());
        model.addAttribute("today", today);
        model.addAttribute("errors", new FieldProblems(problems));
        model.addAttribute("mayEdit", TableMembers.mayEdit());
        return "governance/action-items";
    }

    /**
     * A new action item with the meeting to choose; {@code link} (such as {@code ALLOCATION_SCENARIO:12}, from
     * the housing-market simulation) fills in what it is about.
     */
    @GetMapping("/governance/action-items/new")
    String newItem(@RequestParam(required = false) String link, @RequestParam(required = false) Long meeting,
            Model model) {
        var choices = meetingChoices();
        String chosen = meeting != null ? String.valueOf(meeting) : defaultMeeting(choices);
        var typedLink = link == null ? null : link.strip();
        return itemForm(model, null, ActionItemInput.empty(chosen, typedLink), FieldProblems.NONE, false);
    }

    @PostMapping("/governance/action-items")
    String recordItem(@ModelAttribute ActionItemInput typed, Model model, RedirectAttributes redirect) {
        try {
            var input = new FormInput();
            var meetingId = input.whole("meeting", typed.meeting());
            if (meetingId == null && !input.hasProblems()) {
                input.problem(InvalidInput.Problem.of("meeting", "governance.action.meeting.missing"));
            }
            var form = typed.form(input);
            input.check();
            long id = actionItems.record(meetingId, form);
            redirect.addFlashAttribute("notice", Notice.of("governance.action.recorded", id));
            return "redirect:/governance/action-items/" + id;
        }
        catch (InvalidInput e) {
            return itemForm(model, null, typed, new FieldProblems(e.problems()), false);
        }
        catch (MeetingNotFound e) {
            return itemForm(model, null, typed, new FieldProblems(List.of(
                    InvalidInput.Problem.of("meeting", "governance.action.meeting.missing"))), false);
        }
    }

    @GetMapping("/governance/action-items/{id:\\d+}/edit")
    String editItem(@PathVariable long id, Model model) {
        var item = actionItems.find(id);
        model.addAttribute("version", item.version());
        return itemForm(model, item, ActionItemInput.of(item), FieldProblems.NONE, false);
    }

    @PostMapping("/governance/action-items/{id:\\d+}")
    String changeItem(@PathVariable long id, @RequestParam int version, @ModelAttribute ActionItemInput typed, Model model,
            RedirectAttributes redirect) {
        try {
            var input = new FormInput();
            var form = typed.form(input);
            input.check();
            actionItems.change(id, version, form);
            redirect.addFlashAttribute("notice", Notice.of("governance.action.changed"));
            return "redirect:/governance/action-items/" + id;
        }
        catch (InvalidInput e) {
            model.addAttribute("version", version);
            return itemForm(model, actionItems.find(id), typed, new FieldProblems(e.problems()), false);
        }
        catch (EditConflict e) {
            var current = actionItems.find(id);
            model.addAttribute("version", current.version());
            return itemForm(model, current, typed, FieldProblems.NONE, true);
        }
    }

    private String itemForm(Model model, ActionItem item, ActionItemInput input, FieldProblems problems, boolean conflict) {
        model.addAttribute("item", item);
        model.addAttribute("input", input);
        model.addAttribute("errors", problems);
        model.addAttribute("problems", problems.all());
        model.addAttribute("conflict", conflict);
        model.addAttribute("meetings", item == null ? meetingChoices() : List.of());
        addOwnerChoices(model);
        return "governance/action-item-form";
    }

    @GetMapping("/governance/action-items/{id:\\d+}")
    String item(@PathVariable long id, Model model) {
        return item(id, model, null, FieldProblems.NONE, false);
    }

    private String item(long id, Model model, Map<String, String> statusInput, FieldProblems problems, boolean conflict) {
        var today = today();
        var item = actionItems.find(id);
        model.addAttribute("row", row(item, today));
        model.addAttribute("item", item);
        model.addAttribute("history", actionItems.history(id));
        model.addAttribute("mayChangeStatus", actionItems.mayChangeStatus(item));
        model.addAttribute("mayEdit", TableMembers.mayEdit());
        model.addAttribute("nextStatuses", item.status().next());
        model.addAttribute("statusInput", statusInput == null
                ? Map.of("status", "", "on", today.toString(), "note", "") : statusInput);
        model.addAttribute("errors", problems);
        model.addAttribute("problems", problems.all());
        model.addAttribute("conflict", conflict);
        model.addAttribute("today", today);
        return "governance/action-item";
    }

    @PostMapping("/governance/action-items/{id:\\d+}/status")
    String changeStatus(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String status,
            @RequestParam(required = false) String on, @RequestParam(required = false) String note, Model model,
            RedirectAttributes redirect) {
        var typed = Map.of("status", status == null ? "" : status, "on", on == null ? "" : on, "note", note == null ? "" : note);
        try {
            var input = new FormInput();
            var chosen = input.choice(ActionItemStatus.class, "status", status, null);
            var day = input.date("on", on);
            input.check();
            var changed = actionItems.changeStatus(id, version, chosen, day, note);
            redirect.addFlashAttribute("notice", Notice.of("governance.action.statusChanged", changed.status().name()));
            return "redirect:/governance/action-items/" + id;
        }
        catch (InvalidInput e) {
            return item(id, model, typed, new FieldProblems(e.problems()), false);
        }
        catch (EditConflict e) {
            return item(id, model, typed, FieldProblems.NONE, true);
        }
    }

    // ---- helpers

    private List<Meeting> meetingChoices() {
        var today = today();
        var choices = new ArrayList<>(meetings.from(today));
        choices.addAll(meetings.before(today).stream().limit(20).toList());
        return choices;
    }

    /** The next meeting still to come, else the latest one. */
    private static String defaultMeeting(List<Meeting> choices) {
        return choices.isEmpty() ? "" : String.valueOf(choices.get(0).id());
    }

    private void addOwnerChoices(Model model) {
        var owners = new ArrayList<>(TableMembers.TABLE_ORGANISATIONS);
        registry.provinces().forEach(p -> owners.add(TableMembers.provinceOrganisation(p.name())));
        registry.all().forEach(m -> owners.add(TableMembers.municipalityOrganisation(m.name())));
        model.addAttribute("ownerChoices", owners);
        model.addAttribute("linkKinds", ActionItemLink.Kind.values());
    }

    List<ItemRow> rows(List<ActionItem> items, LocalDate date) {
        return items.stream().map(i -> row(i, date)).toList();
    }

    ItemRow row(ActionItem item, LocalDate date) {
        return new ItemRow(item, item.links().stream().map(this::view).toList(), item.overdueOn(date),
                item.daysOverdue(date));
    }

    private LinkView view(ActionItemLink link) {
        String label = link.shortLabel();
        if (link.kind() == ActionItemLink.Kind.MUNICIPALITY) {
            label = registry.find(MunicipalityCode.of(link.target())).map(Municipality::name)
                    .map(n -> n + " (" + link.target() + ")").orElse(link.target());
        }
        return new LinkView(link.kind().messageKey(), label, link.path());
    }

}
