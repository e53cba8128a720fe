package nl.doorstroom.coordination.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.coordination.CallList;
import nl.doorstroom.coordination.CallPolicy;
import nl.doorstroom.coordination.CallPriority;
import nl.doorstroom.coordination.Commitment;
import nl.doorstroom.coordination.CommitmentConflict;
import nl.doorstroom.coordination.Commitments;
import nl.doorstroom.coordination.Contact;
import nl.doorstroom.coordination.ContactConflict;
import nl.doorstroom.coordination.ContactForm;
import nl.doorstroom.coordination.Contacts;
import nl.doorstroom.coordination.CoordinationNotFound;
import nl.doorstroom.coordination.FollowUp;
import nl.doorstroom.coordination.WeeklyTarget;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordination centre over the API: the call list with its reasons, the policy, contacts with
 * commitments and follow-ups, decisions on commitments, and the weekly figures.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Coördinatiecentrum", description = "De bellijst met de redenen en punten per gemeente, het beleid dat de "
        + "lijst ordent, contacten met toezeggingen en vervolgacties, de afloop van toezeggingen en het weekdoel van "
        + "extra plaatsen. Een wijziging noemt de gelezen versie; is er intussen iets gewijzigd, dan 409 met wat nu is "
        + "opgeslagen ('current').")
class CoordinationApi {

    private final CallList callList;
    private final Contacts contacts;
    private final Commitments commitments;
    private final WeeklyTarget weekly;
    private final MessageSource messages;
    private final nl.doorstroom.coordination.WholePicture wholePicture;
    private final nl.doorstroom.municipalities.MunicipalityRegistry registry;

    CoordinationApi(CallList callList, Contacts contacts, Commitments commitments, WeeklyTarget weekly,
            MessageSource messages, nl.doorstroom.coordination.WholePicture wholePicture,
            nl.doorstroom.municipalities.MunicipalityRegistry registry) {
        this.wholePicture = wholePicture;
        this.registry = registry;
        this.callList = callList;
        this.contacts = contacts;
        this.commitments = commitments;
        this.weekly = weekly;
        this.messages = messages;
    }

    private static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    private String text(String key, List<Object> arguments) {
        return messages.getMessage(key, arguments.toArray(), key, LocaleContextHolder.getLocale());
    }

    // ---- resources

    record ReasonResource(String code, String text, int points) {
    }

    record PriorityResource(int rank, String municipality, String name, String province, long correctedQuota,
            long housed, long shortfall, Double realisationPercent, double weeksBehind,
            @Schema(description = "De som van de punten van de redenen") int points, List<ReasonResource> reasons) {
    }

    record SetAsideResource(String municipality, String name, LocalDate until, String reason, String setBy) {
    }

    record CallListResource(LocalDate date, List<PriorityResource> municipalities, List<SetAsideResource> setAside,
            Map<String, Integer> policy, int policyVersion) {
    }

    record CommitmentResource(long id, long contact, String municipality, int places, String kind, Long site,
            LocalDate expectedOn, LocalDate madeOn, String status, Integer realisedPlaces, LocalDate realisedOn,
            String reason, int version) {

        static CommitmentResource of(Commitment c) {
            return new CommitmentResource(c.id(), c.contactId(), c.municipality().value(), c.places(), c.kind().name(),
                    c.siteId(), c.expectedOn(), c.madeOn(), c.status().name(), c.realisedPlaces(), c.realisedOn(),
                    c.reason(), c.version());
        }
    }

    record FollowUpResource(long id, long contact, String description, LocalDate dueOn, String assignee,
            LocalDate doneOn, boolean overdue, int version) {

        static FollowUpResource of(FollowUp f) {
            return new FollowUpResource(f.id(), f.contactId(), f.description(), f.dueOn(), f.assignee(), f.doneOn(),
                    f.overdue(today()), f.version());
        }
    }

    record ContactResource(long id, @Schema(description = "MUNICIPALITY, PROVINCE, KINGS_COMMISSIONER of HOUSING_CORPORATION")
            String party, String municipality, String province, String partyName,
            @Schema(description = "CALL of MEETING") String kind, LocalDate occurredOn, String coordinator,
            String counterpart, String outcome, int version, List<CommitmentResource> commitments,
            List<FollowUpResource> followUps) {

        static ContactResource of(Contact c, List<Commitment> commitments, List<FollowUp> followUps) {
            return new ContactResource(c.id(), c.party().name(), c.municipality() == null ? null : c.municipality().value(),
                    c.province() == null ? null : c.province().value(), c.partyName(), c.kind().name(), c.occurredOn(),
                    c.coordinator(), c.counterpart(), c.outcome(), c.version(),
                    commitments.stream().map(CommitmentResource::of).toList(),
                    followUps.stream().map(FollowUpResource::of).toList());
        }
    }

    record CommitmentRequest(String municipality, Integer places,
            @Schema(description = "REGULAR_HOME, HAR_HOTEL, TEMPORARY_SITE of OTHER") String kind, Long site,
            LocalDate expectedOn) {
    }

    record FollowUpRequest(String description, LocalDate dueOn, @Schema(description = "Gebruikersnaam") String assignee) {
    }

    @Schema(description = "Een contact; problemen noemen deze velden, bij toezeggingen als commitments[0].places")
    record ContactRequest(Integer version, String party, String municipality, String province, String partyName,
            String kind, LocalDate occurredOn, String counterpart, String outcome, List<CommitmentRequest> commitments,
            List<FollowUpRequest> followUps) {

        ContactForm form() {
            var input = new FormInput();
            var partyValue = input.choice(Contact.Party.class, "party", party, null);
            var kindValue = input.choice(Contact.Kind.class, "kind", kind, null);
            var municipalityValue = input.municipality("municipality", municipality);
            ProvinceCode provinceValue = null;
            if (!FormInput.blank(province)) {
                try {
                    provinceValue = ProvinceCode.of(province.strip());
                }
                catch (IllegalArgumentException e) {
                    input.problem(Problem.of("province", "coordination.province.unknown", province.strip()));
                }
            }
            var commitmentForms = new java.util.ArrayList<ContactForm.CommitmentForm>();
            var list = commitments == null ? List.<CommitmentRequest>of() : commitments;
            for (int i = 0; i < list.size(); i++) {
                var c = list.get(i);
                var p = "commitments[" + i + "].";
                if (c == null) {
                    input.problem(Problem.of("commitments[" + i + "]", "coordinationApi.item.missing"));
                    continue;
                }
                commitmentForms.add(new ContactForm.CommitmentForm(input.municipality(p + "municipality", c.municipality()),
                        c.places(), input.choice(Commitment.Kind.class, p + "kind", c.kind(), null), c.site(),
                        c.expectedOn()));
            }
            var followUpForms = new java.util.ArrayList<ContactForm.FollowUpForm>();
            var followUpList = followUps == null ? List.<FollowUpRequest>of() : followUps;
            for (int i = 0; i < followUpList.size(); i++) {
                var f = followUpList.get(i);
                if (f == null) {
                    input.problem(Problem.of("followUps[" + i + "]", "coordinationApi.item.missing"));
                    continue;
                }
                followUpForms.add(new ContactForm.FollowUpForm(f.description(), f.dueOn(), f.assignee()));
            }
            input.check();
            return new ContactForm(partyValue, municipalityValue, provinceValue, partyName, kindValue, occurredOn,
                    counterpart, outcome, commitmentForms, followUpForms);
        }
    }

    record DecisionRequest(Integer version, @Schema(description = "KEPT, PARTLY_KEPT of NOT_KEPT") String status,
            Integer realisedPlaces, LocalDate realisedOn, String reason) {
    }

    record SetAsideRequest(String municipality, LocalDate until, String reason) {
    }

    record VersionRequest(Integer version) {
    }

    record PolicyResource(Map<String, Integer> values, Integer version) {
    }

    // ---- conflicts: told, with what is stored now

    @ExceptionHandler(ContactConflict.class)
    ResponseEntity<ProblemDetail> contactConflict(ContactConflict e, HttpServletRequest request) {
        var detail = contacts.find(e.stored().id()).orElseThrow();
        return conflict(request, ContactResource.of(detail.contact(), detail.commitments(), detail.followUps()));
    }

    @ExceptionHandler(CommitmentConflict.class)
    ResponseEntity<ProblemDetail> commitmentConflict(CommitmentConflict e, HttpServletRequest request) {
        return conflict(request, CommitmentResource.of(e.stored()));
    }

    private ResponseEntity<ProblemDetail> conflict(HttpServletRequest request, Object current) {
        var problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        var locale = LocaleContextHolder.getLocale();
        problem.setTitle(messages.getMessage("api.conflict", null, "Conflict", locale));
        problem.setDetail(messages.getMessage("coordinationApi.conflict", null, "Conflict", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("current", current);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    // ---- the call list and its policy

    @Operation(summary = "De bellijst", description = "Gemeenten met een tekort in de volgorde om te bellen, elk met de "
            + "redenen en hun punten (die optellen tot 'points'), en de gemeenten die opzij zijn gezet. Een provincie ziet "
            + "haar eigen gemeenten.")
    @GetMapping("/call-list")
    CallListResource callList(@RequestParam(required = false) LocalDate date) {
        var view = callList.on(date == null ? today() : date);
        var priorities = new java.util.ArrayList<PriorityResource>();
        int rank = 0;
        for (CallPriority p : view.priorities()) {
            priorities.add(new PriorityResource(++rank, p.code().value(), p.name(), p.province(), p.correctedQuota(),
                    p.housed(), p.shortfall(), p.realisationPercent(), p.weeksBehind(), p.points(),
                    p.reasons().stream().map(r -> new ReasonResource(r.messageKey(), text(r.messageKey(), r.arguments()),
                            r.points())).toList()));
        }
        return new CallListResource(view.date(), priorities, view.setAside().stream().map(a -> new SetAsideResource(
                a.municipality().value(), a.name(), a.until(), a.reason(), a.setBy())).toList(), policy(view.policy()),
                view.policyVersion());
    }

    private static Map<String, Integer> policy(CallPolicy policy) {
        var map = new java.util.LinkedHashMap<String, Integer>();
        var values = policy.values();
        for (int i = 0; i < values.length; i++) {
            map.put(CallPolicy.FIELDS.get(i), values[i]);
        }
        return map;
    }

    @Operation(summary = "Het beleid van de bellijst")
    @GetMapping("/call-policy")
    PolicyResource policy() {
        var view = callList.on(today());
        return new PolicyResource(policy(view.policy()), view.policyVersion());
    }

    @Operation(summary = "Het beleid wijzigen", description = "Alleen landelijke coördinatoren; met de gelezen versie.")
    @PutMapping(path = "/call-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    PolicyResource changePolicy(@RequestBody PolicyResource body) {
        var values = new int[CallPolicy.FIELDS.size()];
        var problems = new java.util.ArrayList<Problem>();
        if (body.version() == null) {
            problems.add(Problem.of("version", "coordinationApi.version.missing"));
        }
        // A field a client does not send (one added later) keeps its stored value.
        var stored = callList.on(today()).policy().values();
        if (body.values() == null) {
            problems.add(Problem.of("values", "coordination.number.missing"));
        }
        for (int i = 0; i < values.length; i++) {
            var value = body.values() == null ? null : body.values().get(CallPolicy.FIELDS.get(i));
            values[i] = value == null ? stored[i] : value;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        callList.changePolicy(CallPolicy.of(values), body.version());
        return policy();
    }

    @Operation(summary = "Een gemeente opzij zetten", description = "Tot en met een datum, met een reden.")
    @PostMapping(path = "/call-list/set-asides", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> setAside(@RequestBody SetAsideRequest body) {
        var input = new FormInput();
        var code = input.municipality("municipality", body.municipality());
        input.check();
        callList.setAside(code, body.until(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Een gemeente terug op de bellijst")
    @DeleteMapping("/call-list/set-asides/{municipality}")
    ResponseEntity<Void> restore(@PathVariable String municipality) {
        callList.restore(MunicipalityCode.parse(municipality));
        return ResponseEntity.noContent().build();
    }

    // ---- contacts, commitments, follow-ups

    @Operation(summary = "Contacten, nieuwste eerst", description = "Een provincie ziet die met of over haar gemeenten.")
    @GetMapping("/contacts")
    List<ContactResource> contactList(@RequestParam(required = false) String municipality) {
        var input = new FormInput();
        var code = input.municipality("municipality", municipality);
        input.check();
        return contacts.recent(code, 200).stream().map(c -> ContactResource.of(c, List.of(), List.of())).toList();
    }

    @Operation(summary = "Een contact met zijn toezeggingen en vervolgacties")
    @GetMapping("/contacts/{id}")
    ContactResource contact(@PathVariable long id) {
        var detail = contacts.find(id).orElseThrow(() -> new CoordinationNotFound("contact", id));
        return ContactResource.of(detail.contact(), detail.commitments(), detail.followUps());
    }

    @Operation(summary = "Een contact vastleggen", description = "Met toezeggingen en vervolgacties, alles of niets.")
    @PostMapping(path = "/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactResource> log(@RequestBody ContactRequest body) {
        long id = contacts.log(body.form());
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + id)).body(contact(id));
    }

    @Operation(summary = "Een contact wijzigen", description = "Het contact zelf, met de gelezen versie (anders 409).")
    @PutMapping(path = "/contacts/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactResource change(@PathVariable long id, @RequestBody ContactRequest body) {
        if (body.version() == null) {
            throw InvalidInput.of("version", "coordinationApi.version.missing");
        }
        contacts.change(id, body.version(), body.form());
        return contact(id);
    }

    @Operation(summary = "Toezeggingen", description = "Van een gemeente (ook voor haar eigen medewerker), of alle "
            + "lopende toezeggingen (coördinatiecentrum, provincie: de hare).")
    @GetMapping("/commitments")
    List<CommitmentResource> commitmentList(@RequestParam(required = false) String municipality) {
        var input = new FormInput();
        var code = input.municipality("municipality", municipality);
        input.check();
        var list = code == null ? commitments.open(1000) : commitments.of(code).commitments();
        return list.stream().map(CommitmentResource::of).toList();
    }

    @Operation(summary = "De afloop van een toezegging", description = "KEPT (minstens de toegezegde plaatsen), "
            + "PARTLY_KEPT (minder) of NOT_KEPT (met reden), met de gelezen versie.")
    @PostMapping(path = "/commitments/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    CommitmentResource decide(@PathVariable long id, @RequestBody DecisionRequest body) {
        var input = new FormInput();
        var status = input.choice(Commitment.Status.class, "status", body.status(), null);
        if (body.version() == null) {
            input.problem(Problem.of("version", "coordinationApi.version.missing"));
        }
        input.check();
        commitments.decide(id, body.version(), status, body.realisedPlaces(), body.realisedOn(), body.reason());
        return CommitmentResource.of(commitments.find(id).orElseThrow());
    }

    @Operation(summary = "Mijn open vervolgacties", description = "Te laat eerst.")
    @GetMapping("/follow-ups")
    List<FollowUpResource> followUps() {
        return contacts.workList().stream().map(FollowUpResource::of).toList();
    }

    @Operation(summary = "Een vervolgactie afvinken", description = "Met de gelezen versie.")
    @PostMapping(path = "/follow-ups/{id}/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> complete(@PathVariable long id, @RequestBody VersionRequest body) {
        if (body.version() == null) {
            throw InvalidInput.of("version", "coordinationApi.version.missing");
        }
        contacts.complete(id, body.version());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Het weekdoel", description = "Extra plaatsen per week (nagekomen en deels nagekomen "
            + "toezeggingen) naar soort en provincie, opgeteld, tegen het doel; gehuisvest per week volgens het register; "
            + "de achterstand op het tempo en de weken tot die weg is bij het tempo van de laatste vier weken.")
    @GetMapping("/weekly-extra-places")
    WeeklyTarget.Figures weeklyFigures(@RequestParam(defaultValue = "12") int weeks) {
        return weekly.figures(weeks, today());
    }

    /** A municipality's whole picture: each part with its figures and its percentage of the fair share. */
    record WholePictureRow(String municipality, String name, String province, Integer effortIndex, int parts,
            long housed, double expectedByPace, Double quotaPercent, Long receptionTask, Long receptionProvided,
            Double receptionPercent, Long ukrainians, long ukrainiansFairShare, Double ukrainianPercent,
            int commitmentsDecided, int commitmentsKept, Double commitmentsKeptPercent, String escalationStep) {
    }

    @Operation(summary = "Het hele plaatje per gemeente", description = "Vergunninghouders gehuisvest naar het tempo van de "
            + "taakstelling, opvangplaatsen naar de opgave van de Spreidingswet, opgevangen Oekraïners naar het aandeel "
            + "inwoners, nagekomen toezeggingen en een open escalatie, met de inzet (index): het gemiddelde van de delen "
            + "met cijfers, elk als percentage van het eerlijke deel en hoogstens 200. Grootste inzet eerst.")
    @GetMapping("/whole-picture")
    List<WholePictureRow> wholePicture(@RequestParam(required = false) String province) {
        return wholePicture.on(today()).stream()
                .filter(r -> province == null || province.isBlank() || r.province().equalsIgnoreCase(province.strip())
                        || provinceCode(r.code()).equalsIgnoreCase(province.strip()))
                .map(r -> new WholePictureRow(r.code().value(), r.name(), r.province(), r.effort().value(),
                        r.effort().parts(), r.housed(), r.expected(), r.effort().quotaPercent(), r.receptionTask(),
                        r.receptionProvided(), r.effort().receptionPercent(), r.ukrainians(), r.ukrainiansFairShare(),
                        r.effort().ukrainianPercent(), r.commitmentsDecided(), r.commitmentsKept(),
                        r.effort().commitmentsKeptPercent(), r.escalationStep() == null ? null : r.escalationStep().name()))
                .toList();
    }

    private String provinceCode(MunicipalityCode code) {
        return registry.find(code).map(m -> m.province().value()).orElse("");
    }
}
