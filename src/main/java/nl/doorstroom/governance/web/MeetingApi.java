package nl.doorstroom.governance.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.governance.ActionItem;
import nl.doorstroom.governance.ActionItemForm;
import nl.doorstroom.governance.ActionItemLink;
import nl.doorstroom.governance.ActionItemStatus;
import nl.doorstroom.governance.ActionItemStatusChange;
import nl.doorstroom.governance.ActionItems;
import nl.doorstroom.governance.Meeting;
import nl.doorstroom.governance.MeetingForm;
import nl.doorstroom.governance.MeetingKind;
import nl.doorstroom.governance.MeetingNotFound;
import nl.doorstroom.governance.Meetings;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The table's meetings and action items over the API. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Regietafel", description = "De vergaderingen van de Landelijke Regietafel met deelnemers per organisatie, "
        + "agenda, verslag en genummerde besluiten, en de actiepunten met eigenaar, termijn, status (met geschiedenis) en "
        + "gekoppelde cijfers. Vastleggen en wijzigen: het coördinatiecentrum, het ministerie en beheerders; de status van "
        + "een actiepunt ook de organisatie die eigenaar is. Lezen: elke rol; een gemeente of woningcorporatie ziet van "
        + "een overleg het openbare deel (niet het verslag) en alleen de actiepunten van de eigen organisatie. Een "
        + "wijziging noemt de gelezen versie; is er intussen iets gewijzigd, dan 409 met wat nu is opgeslagen ('current').")
class MeetingApi {

    private final Meetings meetings;
    private final ActionItems actionItems;
    private final MessageSource messages;

    MeetingApi(Meetings meetings, ActionItems actionItems, MessageSource messages) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.messages = messages;
    }

    // ---- resources

    @Schema(description = "Een organisatie aan tafel en wie haar vertegenwoordigde")
    record ParticipantResource(@Schema(example = "COA") String organisation,
            @Schema(description = "Namen van personen, vrije tekst; mag leeg") String persons) {
    }

    @Schema(description = "Een agendapunt, in volgorde")
    record AgendaItemResource(String title, String note) {
    }

    @Schema(description = "Een besluit, genummerd binnen het overleg vanaf 1")
    record DecisionResource(int number, String text) {
    }

    @Schema(description = "Een overleg van de tafel")
    record MeetingResource(long id, LocalDate heldOn, MeetingKind kind, String title,
            List<ParticipantResource> participants, List<AgendaItemResource> agendaItems,
            @Schema(description = "Leeg voor wie alleen het openbare deel ziet (minutesHidden)") String minutes,
            boolean minutesHidden, List<DecisionResource> decisions, boolean synthetic,
            @Schema(description = "Stuur deze versie mee met een wijziging") int version, String changedBy,
            Instant changedAt,
            @Schema(description = "Voor een overleg vanaf vandaag: de actiepunten die op die dag open zijn, die over de "
                    + "termijn eerst; leeg voor een overleg dat geweest is") List<ActionItemResource> openActionItems) {

        static MeetingResource of(Meeting m, List<ActionItemResource> open) {
            return new MeetingResource(m.id(), m.heldOn(), m.kind(), m.title(),
                    m.participants().stream().map(p -> new ParticipantResource(p.organisation(), p.persons())).toList(),
                    m.agendaItems().stream().map(a -> new AgendaItemResource(a.title(), a.note())).toList(), m.minutes(),
                    m.minutesHidden(), m.decisions().stream().map(d -> new DecisionResource(d.number(), d.text())).toList(),
                    m.synthetic(), m.version(), m.changedBy(), m.changedAt(), open);
        }
    }

    @Schema(description = "Een overleg vastleggen of wijzigen: alle onderdelen tegelijk (een wijziging vervangt ze)")
    record MeetingRequest(LocalDate heldOn, @Schema(description = "REGULAR of EXTRA") String kind, String title,
            List<ParticipantResource> participants, List<AgendaItemResource> agendaItems, String minutes,
            @Schema(description = "De besluiten in volgorde; ze worden genummerd vanaf 1") List<String> decisions,
            @Schema(description = "Alleen bij wijzigen: de laatst gelezen versie") Integer version) {
    }

    @Schema(description = "Een gekoppeld cijfer: MUNICIPALITY (CBS-code), ESCALATION_CASE, FORECAST_SCENARIO of "
            + "ALLOCATION_SCENARIO (id)")
    record LinkResource(@Schema(example = "MUNICIPALITY") String kind, @Schema(example = "GM0344") String id,
            @Schema(description = "De pagina die het cijfer toont") String page) {
    }

    @Schema(description = "Een actiepunt; status zoals die nu is (of op de gevraagde datum)")
    record ActionItemResource(long id, long meetingId, String meetingTitle, LocalDate meetingOn, String what,
            String ownerOrganisation, String ownerPerson, LocalDate dueOn, ActionItemStatus status, LocalDate statusOn,
            String statusBy, @Schema(description = "Open en de termijn is voorbij (vandaag of op de gevraagde datum)")
            boolean overdue, long daysOverdue, List<LinkResource> links, boolean synthetic, int version,
            @Schema(description = "Alleen bij één actiepunt: elke status die het had, oudste eerst")
            List<StatusChangeResource> history) {

        static ActionItemResource of(ActionItem i, LocalDate date, List<StatusChangeResource> history) {
            return new ActionItemResource(i.id(), i.meetingId(), i.meetingTitle(), i.meetingOn(), i.what(),
                    i.ownerOrganisation(), i.ownerPerson(), i.dueOn(), i.status(), i.statusOn(), i.statusBy(),
                    i.overdueOn(date), i.daysOverdue(date),
                    i.links().stream().map(l -> new LinkResource(l.kind().name(), l.target(), l.path())).toList(),
                    i.synthetic(), i.version(), history);
        }
    }

    record StatusChangeResource(ActionItemStatus status, LocalDate on, String by, Instant at, String note) {

        static StatusChangeResource of(ActionItemStatusChange c) {
            return new StatusChangeResource(c.status(), c.on(), c.by(), c.at(), c.note());
        }
    }

    @Schema(description = "Een actiepunt vastleggen of wijzigen")
    record ActionItemRequest(String what, String ownerOrganisation, String ownerPerson, LocalDate dueOn,
            List<LinkResource> links, @Schema(description = "Alleen bij wijzigen: de laatst gelezen versie") Integer version) {
    }

    @Schema(description = "Een nieuwe status van een actiepunt")
    record StatusRequest(@Schema(description = "OPEN, IN_PROGRESS, DONE of CANCELLED") String status,
            @Schema(description = "Met ingang van (jjjj-mm-dd); leeg is vandaag. Niet in de toekomst en niet vóór de "
                    + "huidige status") LocalDate on, String note, Integer version) {
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    // ---- meetings

    @Operation(summary = "De vergaderingen", description = "Komende (vanaf vandaag, eerstvolgende eerst) en daarna eerdere "
            + "(laatste eerst); met 'from' alleen die vanaf die datum.")
    @GetMapping("/meetings")
    List<MeetingResource> meetingList(@Parameter(description = "Vanaf datum (jjjj-mm-dd)") @RequestParam(required = false) String from) {
        var input = new FormInput();
        var day = input.date("from", from);
        input.check();
        var list = new ArrayList<Meeting>();
        if (day != null) {
            list.addAll(meetings.from(day));
        }
        else {
            list.addAll(meetings.from(today()));
            list.addAll(meetings.before(today()));
        }
        return list.stream().map(m -> MeetingResource.of(m, null)).toList();
    }

    @Operation(summary = "Een overleg", description = "Met, voor een overleg vanaf vandaag, de actiepunten die op die dag "
            + "open zijn (openActionItems), die over de termijn eerst.")
    @GetMapping("/meetings/{id}")
    MeetingResource meeting(@PathVariable long id) {
        return full(id);
    }

    @Operation(summary = "Een overleg vastleggen")
    @ApiResponse(responseCode = "201", description = "Vastgelegd")
    @PostMapping(path = "/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MeetingResource> recordMeeting(@RequestBody MeetingRequest body) {
        long id = meetings.record(meetingForm(body));
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(full(id));
    }

    @Operation(summary = "Een overleg wijzigen", description = "Vervangt alle onderdelen. Met de gelezen versie; anders 409.")
    @ApiResponse(responseCode = "409", description = "Intussen door iemand anders gewijzigd; 'current' is het overleg nu",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/meetings/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MeetingResource changeMeeting(@PathVariable long id, @RequestBody MeetingRequest body) {
        var input = new FormInput();
        if (body.version() == null) {
            input.problem(Problem.of("version", "governance.meeting.api.version"));
        }
        input.check();
        var form = meetingForm(body);
        guarded(() -> meetings.change(id, body.version(), form), () -> full(id));
        return full(id);
    }

    @Operation(summary = "De actiepunten van een overleg")
    @GetMapping("/meetings/{id}/action-items")
    List<ActionItemResource> itemsOfMeeting(@PathVariable long id) {
        meetings.find(id);
        var today = today();
        return actionItems.ofMeeting(id).stream().map(i -> ActionItemResource.of(i, today, null)).toList();
    }

    @Operation(summary = "Een actiepunt vastleggen bij een overleg", description = "Open vanaf de dag van het overleg (of "
            + "vandaag, voor een overleg dat nog komt). Koppelingen naar gemeenten, toezichtzaken en prognosescenario's "
            + "moeten bestaan.")
    @ApiResponse(responseCode = "201", description = "Vastgelegd")
    @PostMapping(path = "/meetings/{id}/action-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ActionItemResource> recordItem(@PathVariable long id, @RequestBody ActionItemRequest body) {
        long item = actionItems.record(id, itemForm(body));
        return ResponseEntity.created(URI.create("/api/v1/action-items/" + item)).body(fullItem(item));
    }

    // ---- action items

    @Operation(summary = "De actiepunten", description = "Die u mag zien, die over de termijn eerst. Filters: eigenaar "
            + "(organisatie, hoofdletters doen er niet toe; 'mine' voor die van uw eigen organisatie), status, overdue "
            + "(true of false). Met 'date' de actiepunten die op die datum open waren, met de status van toen.")
    @GetMapping("/action-items")
    List<ActionItemResource> itemList(@RequestParam(required = false) String owner,
            @RequestParam(required = false) String status, @RequestParam(required = false) String overdue,
            @Parameter(description = "Peildatum (jjjj-mm-dd): open op die datum") @RequestParam(required = false) String date) {
        var input = new FormInput();
        var chosen = input.choice(ActionItemStatus.class, "status", status, null);
        var day = input.date("date", date);
        Boolean onlyOverdue = null;
        if (!FormInput.blank(overdue)) {
            if (overdue.strip().equalsIgnoreCase("true") || overdue.strip().equalsIgnoreCase("false")) {
                onlyOverdue = Boolean.parseBoolean(overdue.strip());
            }
            else {
                input.problem(Problem.of("overdue", "form.choice.invalid", overdue.strip()));
            }
        }
        input.check();
        boolean mine = "mine".equalsIgnoreCase(owner == null ? "" : owner.strip());
        if (day != null) {
            var filter = onlyOverdue;
            return actionItems.openOn(day).stream()
                    .filter(i -> mine ? actionItems.myOrganisations().stream().anyMatch(i::ownedBy)
                            : owner == null || owner.isBlank() || i.ownedBy(owner))
                    .filter(i -> chosen == null || i.status() == chosen)
                    .filter(i -> filter == null || i.overdueOn(day) == filter)
                    .map(i -> ActionItemResource.of(i, day, null)).toList();
        }
        var today = today();
        return actionItems.search(new ActionItems.Query(mine, mine ? null : owner, chosen, onlyOverdue)).stream()
                .map(i -> ActionItemResource.of(i, today, null)).toList();
    }

    @Operation(summary = "Een actiepunt", description = "Met de geschiedenis van de status.")
    @GetMapping("/action-items/{id}")
    ActionItemResource item(@PathVariable long id) {
        return fullItem(id);
    }

    @Operation(summary = "Een actiepunt wijzigen", description = "Wat, eigenaar, termijn en koppelingen (de status gaat "
            + "apart). Met de gelezen versie; anders 409.")
    @ApiResponse(responseCode = "409", description = "Intussen door iemand anders gewijzigd; 'current' is het actiepunt nu",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/action-items/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ActionItemResource changeItem(@PathVariable long id, @RequestBody ActionItemRequest body) {
        var input = new FormInput();
        if (body.version() == null) {
            input.problem(Problem.of("version", "governance.meeting.api.version"));
        }
        input.check();
        var form = itemForm(body);
        guarded(() -> actionItems.change(id, body.version(), form), () -> fullItem(id));
        return fullItem(id);
    }

    @Operation(summary = "De status van een actiepunt wijzigen", description = "Door het coördinatiecentrum, het "
            + "ministerie, beheerders of de organisatie die eigenaar is. Open en in behandeling kunnen naar elke andere "
            + "status; afgerond en vervallen alleen terug naar open. Met de gelezen versie; anders 409.")
    @ApiResponse(responseCode = "409", description = "Intussen door iemand anders gewijzigd; 'current' is het actiepunt nu",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/action-items/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ActionItemResource changeStatus(@PathVariable long id, @RequestBody StatusRequest body) {
        var input = new FormInput();
        var status = input.choice(ActionItemStatus.class, "status", body.status(), null);
        if (body.status() == null || body.status().isBlank()) {
            input.problem(Problem.of("status", "governance.action.status.missing"));
        }
        if (body.version() == null) {
            input.problem(Problem.of("version", "governance.meeting.api.version"));
        }
        input.check();
        guarded(() -> actionItems.changeStatus(id, body.version(), status, body.on(), body.note()), () -> fullItem(id));
        return fullItem(id);
    }

    // ---- helpers

    private MeetingResource full(long id) {
        var agenda = meetings.agendaOf(id);
        var open = agenda.planned()
                ? agenda.openActionItems().stream().map(i -> ActionItemResource.of(i, agenda.meeting().heldOn(), null)).toList()
                : List.<ActionItemResource>of();
        return MeetingResource.of(agenda.meeting(), open);
    }

    private ActionItemResource fullItem(long id) {
        var item = actionItems.find(id);
        return ActionItemResource.of(item, today(),
                actionItems.history(id).stream().map(StatusChangeResource::of).toList());
    }

    private static MeetingForm meetingForm(MeetingRequest body) {
        var input = new FormInput();
        var kind = input.choice(MeetingKind.class, MeetingForm.KIND, body.kind(), null);
        input.check();
        // A null row in a list (such as "decisions": [null]) is an empty row, which the facade names as missing at
        // its row, instead of a NullPointerException answered with 500.
        return new MeetingForm(body.heldOn(), kind, body.title(),
                body.participants() == null ? List.of() : body.participants().stream()
                        .map(p -> p == null ? new Meeting.Participant(null, null)
                                : new Meeting.Participant(p.organisation(), p.persons())).toList(),
                body.agendaItems() == null ? List.of() : body.agendaItems().stream()
                        .map(a -> a == null ? new Meeting.AgendaItem(null, null) : new Meeting.AgendaItem(a.title(), a.note()))
                        .toList(),
                body.minutes(), body.decisions() == null ? null
                        : body.decisions().stream().map(d -> d == null ? "" : d).toList());
    }

    private static ActionItemForm itemForm(ActionItemRequest body) {
        var input = new FormInput();
        var links = new ArrayList<ActionItemLink>();
        var given = body.links() == null ? List.<LinkResource>of() : body.links();
        for (int i = 0; i < given.size(); i++) {
            var l = given.get(i);
            if (l == null) {
                input.problem(Problem.atRow(i + 1, ActionItemForm.LINKS, "governance.action.link.invalid", ""));
                continue;
            }
            try {
                links.add(ActionItemLink.parse((l.kind() == null ? "" : l.kind()) + ":" + (l.id() == null ? "" : l.id())));
            }
            catch (IllegalArgumentException e) {
                input.problem(Problem.atRow(i + 1, ActionItemForm.LINKS, "governance.action.link.invalid",
                        l.kind() + ":" + l.id()));
            }
        }
        input.check();
        return new ActionItemForm(body.what(), body.ownerOrganisation(), body.ownerPerson(), body.dueOn(), links);
    }

    // ---- errors: not found, and a conflict told with what is stored now

    /** A change refused because someone else changed the subject first; {@code current} is what is stored now. */
    private static final class Stale extends RuntimeException {

        private final transient Object current;

        Stale(Object current) {
            super("Changed by someone else in the meantime", null, false, false);
            this.current = current;
        }
    }

    private static <T> T guarded(Supplier<T> change, Supplier<Object> current) {
        try {
            return change.get();
        }
        catch (EditConflict e) {
            throw new Stale(current.get());
        }
    }

    @ExceptionHandler(Stale.class)
    ResponseEntity<ProblemDetail> conflict(Stale e, HttpServletRequest request) {
        var problem = problem(HttpStatus.CONFLICT, "api.conflict", request);
        problem.setDetail(text("governance.meeting.api.conflict"));
        problem.setProperty("current", e.current);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(MeetingNotFound.class)
    ResponseEntity<ProblemDetail> notFound(MeetingNotFound e, HttpServletRequest request) {
        var problem = problem(HttpStatus.NOT_FOUND, "api.notFound", request);
        problem.setDetail(text("governance.meeting.api.notFound"));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private ProblemDetail problem(HttpStatus status, String key, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(key + ".title", null, key, locale));
        problem.setDetail(messages.getMessage(key + ".detail", null, key, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
