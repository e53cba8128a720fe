package nl.doorstroom.supervision.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.Assessment;
import nl.doorstroom.supervision.AssessmentHistory;
import nl.doorstroom.supervision.AssessmentRow;
import nl.doorstroom.supervision.Assessments;
import nl.doorstroom.supervision.CaseStep;
import nl.doorstroom.supervision.DocumentKind;
import nl.doorstroom.supervision.EscalationCase;
import nl.doorstroom.supervision.EscalationLadder;
import nl.doorstroom.supervision.EscalationLadders;
import nl.doorstroom.supervision.Escalations;
import nl.doorstroom.supervision.LadderStep;
import nl.doorstroom.supervision.StepKind;
import nl.doorstroom.supervision.StepStatistics;
import nl.doorstroom.supervision.SupervisionDashboard;
import nl.doorstroom.supervision.SupervisionNotFound;
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

/**
 * Supervision over the API: the assessments on each cut-off date, each province's escalation ladder, the
 * cases with their steps, course of action, costs, the minister's requests and documents, who is overdue,
 * and the dashboard of where the process stalls.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Toezicht", description = "Interbestuurlijk toezicht van de provincie op haar gemeenten (Gemeentewet art. "
        + "124-124h): de beoordeling op elke peildatum, de escalatieladder van elke provincie met haar eigen termijnen, "
        + "de zaken stap voor stap tot indeplaatsstelling, wie over de termijn is, en waar het proces stokt. Lezen mogen "
        + "het coördinatiecentrum, het ministerie, COA en beheerders (alles), een provincie (haar gemeenten) en een "
        + "gemeente (zichzelf); beoordelen, ladders en zaken wijzigen alleen de eigen provincie en beheerders. Een "
        + "wijziging noemt de gelezen versie; is er intussen iets gewijzigd, dan 409 met wat nu is opgeslagen ('current').")
class SupervisionApi {

    static final String TERMS_NOTE = " Termijnen lopen in kalenderdagen vanaf de datum van de stap: een stap op "
            + "2026-10-01 met 14 dagen moet op 2026-10-15 klaar zijn en is op 2026-10-18 3 dagen over de termijn.";

    static final String DATES_NOTE = " Datums (jjjj-mm-dd) liggen niet in de toekomst en niet vóór de huidige stap.";

    private final Assessments assessments;
    private final EscalationLadders ladders;
    private final Escalations escalations;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;

    SupervisionApi(Assessments assessments, EscalationLadders ladders, Escalations escalations,
            MunicipalityRegistry registry, MessageSource messages) {
        this.assessments = assessments;
        this.ladders = ladders;
        this.escalations = escalations;
        this.registry = registry;
        this.messages = messages;
    }

    private static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String label(StepKind kind, String name) {
        return name != null && !name.isBlank() ? name : text(kind.messageKey());
    }

    // ---- resources

    @Schema(description = "Een beoordeeld halfjaar: de peildatum is voorbij en de cijfers zijn compleet")
    record PeriodResource(@Schema(example = "2026-I") String period,
            @Schema(description = "De peildatum: 1 juli of 1 januari") LocalDate cutOff) {
    }

    @Schema(description = "De beoordeling van een gemeente over een halfjaar: het voorstel uit de voortgangscijfers (met "
            + "de grenzen van de provincie) en het besluit van de provincie, zolang dat er is")
    record AssessmentResource(String municipality, String name, String province, String period,
            @Schema(description = "De kleur die de cijfers voorstellen") Colour proposedColour, long correctedQuota,
            long housed, long shortfall,
            @Schema(description = "Gehuisvest als deel van de gecorrigeerde taakstelling, in hele procenten; leeg als er "
                    + "niets te huisvesten was") Long realisationPercent,
            @Schema(description = "Als verschoonbaar vastgelegd op de voortgangspagina's") boolean excusedInProgress,
            @Schema(description = "CONFIRMED, OVERRIDDEN of EXCUSABLE; leeg zolang de provincie niet besliste")
            Assessment.Outcome outcome,
            @Schema(description = "De besloten kleur; leeg zolang de provincie niet besliste") Colour decidedColour,
            String reason, String decidedBy, Instant decidedAt,
            @Schema(description = "De kleur die telt: de besloten, anders de voorgestelde") Colour colour,
            boolean excusable,
            @Schema(description = "Gemist: niet groen en niet verschoonbaar") boolean missed,
            @Schema(description = "Stuur deze versie mee met een besluit; -1 zolang er geen besluit is") int version) {

        static AssessmentResource of(AssessmentRow r) {
            var d = r.decided();
            return new AssessmentResource(r.code().value(), r.name(), r.province().value(), r.period().toString(),
                    r.proposed(), r.correctedQuota(), r.housed(), r.shortfall(), r.realisationPercent(),
                    r.excusedInProgress(), d == null ? null : d.outcome(), d == null ? null : d.colour(),
                    d == null ? null : d.reason(), d == null ? null : d.decidedBy(), d == null ? null : d.decidedAt(),
                    r.colour(), r.excusable(), r.missed(), r.version());
        }
    }

    @Schema(description = "De beoordelingen van een gemeente, nieuwste halfjaar eerst")
    record AssessmentHistoryResource(String municipality, String name,
            @Schema(description = "Beoordeelde halfjaren op rij tot en met het laatste die gemist zijn") int missedInARow,
            List<AssessmentResource> assessments) {

        static AssessmentHistoryResource of(AssessmentHistory h) {
            return new AssessmentHistoryResource(h.code().value(), h.name(), h.missedInARow(),
                    h.rows().stream().map(AssessmentResource::of).toList());
        }
    }

    @Schema(description = "Het besluit van de provincie over een beoordeling")
    record AssessmentDecisionRequest(
            @Schema(description = "CONFIRMED (het voorstel), OVERRIDDEN (een andere kleur, met reden) of EXCUSABLE "
                    + "(voldoet niet, maar verschoonbaar; met reden)", example = "CONFIRMED") String outcome,
            @Schema(description = "Alleen bij OVERRIDDEN: GREEN, ORANGE of RED") String colour, String reason,
            @Schema(description = "De gelezen versie; -1 zolang er geen besluit was") Integer version) {
    }

    record LadderStepResource(@Schema(description = "1 voor de eerste stap") int position,
            @Schema(description = "Vast binnen de ladder: de soort, of OTHER-n voor een eigen stap") String key,
            StepKind kind, @Schema(description = "De eigen naam van de provincie; leeg voor de standaardnaam") String name,
            @Schema(description = "De naam om te tonen") String label,
            @Schema(description = "Kalenderdagen voor de stap over de termijn is; leeg voor geen termijn") Integer termDays) {
    }

    @Schema(description = "De escalatieladder van een provincie")
    record LadderResource(String province, String provinceName, List<LadderStepResource> steps,
            @Schema(description = "Open zelf een zaak na zoveel gemiste halfjaren op rij; leeg voor nooit")
            Integer openAfterMissed,
            @Schema(description = "De provincie gebruikt de standaardladder") boolean defaultLadder,
            @Schema(description = "Stuur deze versie mee met een wijziging; -1 voor de standaardladder") int version) {
    }

    record LadderStepRequest(@Schema(description = "De sleutel van een bestaande stap; leeg voor een nieuwe eigen stap")
            String key, @Schema(example = "SIGNAL") String kind, @Schema(description = "Verplicht voor OTHER") String name,
            @Schema(description = "1 tot 3650, of leeg voor geen termijn", example = "14") Integer termDays) {
    }

    @Schema(description = "Een hele ladder; problemen noemen het veld als steps[0].kind en de rij (1 voor de eerste stap)")
    record LadderRequest(List<LadderStepRequest> steps, Integer openAfterMissed,
            @Schema(description = "De gelezen versie; -1 voor de standaardladder") Integer version) {
    }

    record StepResource(int seq, String key, StepKind kind, String name, String label, Integer termDays,
            LocalDate stepOn,
            @Schema(description = "De datum plus de termijn, of de hersteltermijn van een besluit tot indeplaatsstelling; "
                    + "leeg zonder termijn") LocalDate dueOn,
            @Schema(description = "De stap waar de zaak nu staat") boolean current,
            @Schema(description = "Dagen over de termijn: voor de huidige stap van een open zaak vandaag, voor een "
                    + "afgeronde stap op de dag dat zij eindigde") long daysOverdue,
            String decisionMaker, String notes,
            @Schema(description = "Waarom de stap niet de volgende op de ladder is") String justification,
            @Schema(description = "Besluit zonder hersteltermijn wegens spoed (art. 124 lid 2)") boolean urgent,
            String recordedBy, Instant recordedAt) {
    }

    record CommitmentResource(String text, Integer places, LocalDate due, LocalDate committedOn, String committedBy) {
    }

    record CourseItemResource(long id, EscalationCase.ActionKind kind, String label, String description, Integer places,
            LocalDate dueOn, String partners, LocalDate agreedOn, String recordedBy) {
    }

    record CostResource(long id, LocalDate incurredOn, String description, BigDecimal amount, String recordedBy) {
    }

    record MinisterRequestResource(long id, LocalDate requestedOn, String reference, String note, String recordedBy,
            Instant recordedAt) {
    }

    record DocumentResource(long id, int stepSeq, DocumentKind kind, String title, LocalDate deadline,
            @Schema(description = "Wordt gepubliceerd en aan de raad gezonden (art. 124 lid 4)") boolean forPublication,
            LocalDate publishedOn, LocalDate sentToCouncilOn, boolean awaitingPublication, String createdBy,
            Instant createdAt, @Schema(description = "Waar de PDF staat") String pdf) {
    }

    @Schema(description = "Een toezichtzaak met alles wat erbij hoort")
    record CaseResource(long id, String municipality, String municipalityName, String province, String provinceName,
            EscalationCase.Status status, LocalDate openedOn, String reason,
            @Schema(description = "Geopend door het beleid van de provincie na zoveel gemiste halfjaren") Integer openedByPolicyAfter,
            String openedBy, @Schema(description = "De sleutel van de huidige stap") String currentStep,
            @Schema(description = "Wanneer de huidige stap klaar moet zijn") LocalDate dueOn,
            @Schema(description = "Dagen over de termijn vandaag; 0 voor een gesloten zaak") long daysOverdue,
            LocalDate closedOn, EscalationCase.Closure closure, String closureNote,
            @Schema(description = "De toezegging waarop de zaak sloot (art. 124d)") CommitmentResource commitment,
            List<StepResource> steps,
            @Schema(description = "Het handelingsperspectief") List<CourseItemResource> courseOfAction,
            @Schema(description = "Kosten van indeplaatsstelling, voor rekening van de gemeente (art. 124 lid 1)")
            List<CostResource> costs, BigDecimal totalCost,
            @Schema(description = "Verzoeken van de minister om op te treden (art. 124a)")
            List<MinisterRequestResource> ministerRequests, List<DocumentResource> documents, boolean synthetic,
            @Schema(description = "Stuur deze versie mee met een stap of sluiting") int version) {
    }

    @Schema(description = "Een zaak in een lijst")
    record CaseSummary(long id, String municipality, String municipalityName, String province,
            EscalationCase.Status status, LocalDate openedOn, String currentStep, StepKind currentKind,
            String currentLabel, LocalDate stepOn, LocalDate dueOn,
            @Schema(description = "Dagen over de termijn op de gevraagde dag (standaard vandaag)") long daysOverdue,
            LocalDate closedOn, EscalationCase.Closure closure, boolean ministerAsked, int version) {
    }

    record CaseOpeningRequest(@Schema(example = "GM0344") String municipality, LocalDate openedOn, String reason,
            @Schema(description = "Wie besloot, zoals Gedeputeerde Staten") String decisionMaker,
            @Schema(description = "Standaard de eerste stap van de ladder; een latere vraagt een onderbouwing")
            String stepKey, String justification, String notes) {
    }

    record StepMoveRequest(@Schema(description = "De gelezen versie van de zaak") Integer version,
            @Schema(example = "OFFICIAL_TALKS") String stepKey, LocalDate stepOn, String decisionMaker, String notes,
            @Schema(description = "Verplicht voor alles behalve de volgende stap") String justification,
            @Schema(description = "Bij een besluit tot indeplaatsstelling: de hersteltermijn (art. 124 lid 2)")
            LocalDate deadline,
            @Schema(description = "Een besluit zonder hersteltermijn wegens spoed, met onderbouwing") Boolean urgent) {
    }

    record ClosureRequest(@Schema(description = "De gelezen versie van de zaak") Integer version,
            @Schema(description = "COMPLIES, COMMITTED (art. 124d) of WITHDRAWN") String closure, LocalDate closedOn,
            @Schema(description = "Verplicht bij WITHDRAWN") String note,
            @Schema(description = "Bij COMMITTED verplicht: wat de gemeente toezegde") String commitmentText,
            Integer commitmentPlaces, LocalDate commitmentDue,
            @Schema(description = "Bij COMMITTED verplicht") LocalDate commitmentOn, String commitmentBy) {
    }

    record CourseItemRequest(@Schema(description = "EXTRA_PLACES, REGIONAL_ARRANGEMENT of OTHER") String kind,
            String description, @Schema(description = "Verplicht bij EXTRA_PLACES") Integer places, LocalDate dueOn,
            String partners, LocalDate agreedOn) {
    }

    record CostRequest(LocalDate incurredOn, String description,
            @Schema(description = "Euro, hoogstens twee decimalen", example = "12500.00") BigDecimal amount) {
    }

    record MinisterRequestRequest(LocalDate requestedOn, @Schema(description = "Kenmerk van de brief") String reference,
            String note) {
    }

    record PublicationRequest(LocalDate publishedOn, LocalDate sentToCouncilOn) {
    }

    record StepStatisticsResource(String key, StepKind kind, String name, String label,
            @Schema(description = "Zaken die nu op deze stap staan") int open, int overdue,
            @Schema(description = "Afgeronde doorgangen door de stap") int passed, Long medianDays, Long averageDays,
            long longestOpenDays) {
    }

    @Schema(description = "Het beeld van de zaken van een provincie (of het land) op een dag")
    record DashboardResource(LocalDate date, String province, int open, int overdue, int closed, int ministerRequests,
            @Schema(description = "Documenten die nog gepubliceerd of aan de raad gezonden moeten worden")
            int awaitingPublication, BigDecimal costs, List<StepStatisticsResource> steps,
            @Schema(description = "De stap waar het proces het meest stokt: de meeste zaken over de termijn, dan de "
                    + "langste mediane doorlooptijd; leeg zonder gegevens") StepStatisticsResource stall,
            @Schema(description = "Per provincie het aantal open zaken per soort stap, nu (niet op 'date')")
            Map<String, Map<StepKind, Integer>> openByProvince) {
    }

    // ---- mapping

    private StepResource step(EscalationCase c, int index) {
        var s = c.steps().get(index);
        boolean current = index == c.steps().size() - 1;
        LocalDate end = !current ? c.steps().get(index + 1).stepOn() : c.isOpen() ? today() : c.closedOn();
        return new StepResource(s.seq(), s.key(), s.kind(), s.name(), label(s.kind(), s.name()), s.termDays(),
                s.stepOn(), s.dueOn(), current, s.daysOverdue(end), s.decisionMaker(), s.notes(), s.justification(),
                s.urgent(), s.recordedBy(), s.recordedAt());
    }

    private CaseResource full(EscalationCase c) {
        var steps = new ArrayList<StepResource>();
        for (int i = 0; i < c.steps().size(); i++) {
            steps.add(step(c, i));
        }
        var m = c.commitment();
        var current = c.current();
        return new CaseResource(c.id(), c.municipality().value(), c.municipalityName(), c.province().value(),
                c.provinceName(), c.status(), c.openedOn(), c.reason(), c.openedByPolicyAfter(), c.openedBy(),
                current.key(), current.dueOn(), c.daysOverdue(today()), c.closedOn(), c.closure(), c.closureNote(),
                m == null ? null : new CommitmentResource(m.text(), m.places(), m.due(), m.committedOn(), m.committedBy()),
                steps,
                c.courseOfAction().stream().map(a -> new CourseItemResource(a.id(), a.kind(), text(a.kind().messageKey()),
                        a.description(), a.places(), a.dueOn(), a.partners(), a.agreedOn(), a.recordedBy())).toList(),
                c.costs().stream().map(k -> new CostResource(k.id(), k.incurredOn(), k.description(), k.amount(),
                        k.recordedBy())).toList(), c.totalCost(),
                c.ministerRequests().stream().map(r -> new MinisterRequestResource(r.id(), r.requestedOn(), r.reference(),
                        r.note(), r.recordedBy(), r.recordedAt())).toList(),
                c.documents().stream().map(d -> new DocumentResource(d.id(), d.stepSeq(), d.kind(), d.title(),
                        d.deadline(), d.forPublication(), d.publishedOn(), d.sentToCouncilOn(), d.awaitingPublication(),
                        d.createdBy(), d.createdAt(), "/api/v1/escalation-cases/" + c.id() + "/documents/" + d.id()))
                        .toList(),
                c.synthetic(), c.version());
    }

    private CaseSummary summary(EscalationCase c, LocalDate date) {
        CaseStep s = c.current();
        return new CaseSummary(c.id(), c.municipality().value(), c.municipalityName(), c.province().value(), c.status(),
                c.openedOn(), s.key(), s.kind(), label(s.kind(), s.name()), s.stepOn(), s.dueOn(), c.daysOverdue(date),
                c.closedOn(), c.closure(), c.ministerAsked(), c.version());
    }

    private LadderResource ladder(EscalationLadder l) {
        var steps = new ArrayList<LadderStepResource>();
        for (int i = 0; i < l.steps().size(); i++) {
            LadderStep s = l.steps().get(i);
            steps.add(new LadderStepResource(i + 1, s.key(), s.kind(), s.named() ? s.name() : null,
                    label(s.kind(), s.name()), s.termDays()));
        }
        var name = registry.provinces().stream().filter(p -> p.code().equals(l.province())).map(p -> p.name())
                .findFirst().orElse(l.province().value());
        return new LadderResource(l.province().value(), name, List.copyOf(steps), l.openAfterMissed(), l.isDefault(),
                l.version());
    }

    private StepStatisticsResource statistics(StepStatistics s) {
        return new StepStatisticsResource(s.key(), s.kind(), s.named() ? s.name() : null, label(s.kind(), s.name()),
                s.open(), s.overdue(), s.passed(), s.medianDays(), s.averageDays(), s.longestOpenDays());
    }

    // ---- reading parameters

    private static ProvinceCode province(String field, String text) {
        if (FormInput.blank(text)) {
            return null;
        }
        try {
            return ProvinceCode.of(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "supervisionApi.province.invalid", text.strip());
        }
    }

    /** A province of the registry; another one is not found rather than given a ladder of its own. */
    private ProvinceCode knownProvince(String text) {
        var code = province("province", text);
        if (code == null || registry.provinces().stream().noneMatch(p -> p.code().equals(code))) {
            throw new SupervisionNotFound("province " + text);
        }
        return code;
    }

    private static void requireVersion(Integer version, FormInput input) {
        if (version == null) {
            input.problem(Problem.of("version", "supervisionApi.version.missing"));
        }
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

    /** Runs a change; a conflict is answered with what is stored now, as {@code current} reads it. */
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
        problem.setDetail(text("supervisionApi.conflict"));
        problem.setProperty("current", e.current);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A case, document, municipality or province that does not exist. */
    @ExceptionHandler(SupervisionNotFound.class)
    ResponseEntity<ProblemDetail> notFound(SupervisionNotFound e, HttpServletRequest request) {
        var problem = problem(HttpStatus.NOT_FOUND, "api.notFound", request);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String key, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(key + ".title", null, key, locale));
        problem.setDetail(messages.getMessage(key + ".detail", null, key, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    // ---- assessments

    @Operation(summary = "De beoordeelde halfjaren", description = "Halfjaren waarvan de peildatum (1 januari, 1 juli) "
            + "voorbij is en de cijfers compleet zijn, nieuwste eerst.")
    @GetMapping("/assessment-periods")
    List<PeriodResource> assessmentPeriods() {
        return assessments.assessedPeriods().stream()
                .map(p -> new PeriodResource(p.toString(), p.end().plusDays(1))).toList();
    }

    @Operation(summary = "De beoordelingen van een halfjaar", description = "Elke gemeente binnen uw scope, op naam: het "
            + "voorstel uit de cijfers, het besluit van de provincie en of het halfjaar gemist is. Zonder 'period' het "
            + "nieuwste beoordeelde halfjaar.")
    @GetMapping("/assessments")
    List<AssessmentResource> assessmentList(
            @Parameter(description = "Halfjaar, zoals 2026-I") @RequestParam(required = false) String period,
            @Parameter(description = "Provincie, zoals PV26") @RequestParam(required = false) String province) {
        var input = new FormInput();
        var half = input.halfYear("period", period);
        input.check();
        var code = province("province", province);
        if (half == null) {
            var assessed = assessments.assessedPeriods();
            if (assessed.isEmpty()) {
                return List.of();
            }
            half = assessed.get(0);
        }
        return assessments.forPeriod(half, code).stream().map(AssessmentResource::of).toList();
    }

    @Operation(summary = "De beoordelingen van een gemeente", description = "Nieuwste halfjaar eerst, met het aantal "
            + "gemiste halfjaren op rij (sommige provincies openen daarna zelf een zaak).")
    @GetMapping("/municipalities/{code}/assessments")
    AssessmentHistoryResource assessmentHistory(@PathVariable String code) {
        return AssessmentHistoryResource.of(assessments.history(municipality(code)));
    }

    private static MunicipalityCode municipality(String text) {
        var input = new FormInput();
        var code = input.municipality("municipality", text);
        input.check();
        return code;
    }

    @Operation(summary = "Een beoordeling vaststellen", description = "De provincie bevestigt het voorstel, wijkt af met "
            + "een andere kleur en een reden, of stelt vast dat de gemeente niet voldoet maar dat dit verschoonbaar is "
            + "(met reden). Met de gelezen versie (-1 zolang er geen besluit was); anders 409.")
    @ApiResponse(responseCode = "409", description = "Intussen door iemand anders vastgesteld; 'current' is hoe het nu is",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/assessments/{municipalityCode}/{period}", consumes = MediaType.APPLICATION_JSON_VALUE)
    AssessmentResource decide(@PathVariable String municipalityCode, @PathVariable String period,
            @RequestBody AssessmentDecisionRequest body) {
        var input = new FormInput();
        var code = input.municipality("municipality", municipalityCode);
        var half = input.halfYear("period", period);
        var outcome = input.choice(Assessment.Outcome.class, "outcome", body.outcome(), null);
        var colour = input.choice(Colour.class, "colour", body.colour(), null);
        requireVersion(body.version(), input);
        input.check();
        guarded(() -> assessments.decide(code, half, outcome, colour, body.reason(), body.version()),
                () -> assessment(code, half));
        return assessment(code, half);
    }

    private AssessmentResource assessment(MunicipalityCode code, HalfYear period) {
        return assessments.history(code).rows().stream().filter(r -> r.period().equals(period)).findFirst()
                .map(AssessmentResource::of).orElseThrow(() -> new SupervisionNotFound("assessment " + code + " " + period));
    }

    // ---- ladders

    @Operation(summary = "De escalatieladders van alle provincies", description = "De eigen ladder van een provincie, of "
            + "de standaardladder zolang zij er geen heeft." + TERMS_NOTE)
    @GetMapping("/escalation-ladders")
    List<LadderResource> ladderList() {
        // A province's ladder is read as its templates are: by the readers of the whole province.
        return ladders.all().values().stream().filter(l -> nl.doorstroom.supervision.LetterTemplates.mayRead(l.province()))
                .map(this::ladder).toList();
    }

    @Operation(summary = "De escalatieladder van een provincie")
    @GetMapping("/escalation-ladders/{province}")
    LadderResource ladderOf(@PathVariable String province) {
        var code = knownProvince(province);
        if (!nl.doorstroom.supervision.LetterTemplates.mayRead(code)) {
            throw new org.springframework.security.access.AccessDeniedException("Another province's ladder");
        }
        return ladder(ladders.of(code));
    }

    @Operation(summary = "De escalatieladder van een provincie vastleggen", description = "De hele ladder in volgorde. "
            + "Soorten met een wettelijke betekenis (SIGNAL, OFFICIAL_TALKS, ADMINISTRATIVE_TALKS, WARNING, "
            + "SUBSTITUTION_DECISION, SUBSTITUTION_CARRIED_OUT) staan er hoogstens één keer en in die volgorde; OTHER is "
            + "een eigen stap met een naam. Een stap houdt zijn sleutel zolang zijn soort blijft, zodat open zaken hun "
            + "plaats houden. Problemen noemen het veld (steps[2].kind) en de rij (3). Met de gelezen versie (-1 voor de "
            + "standaardladder); anders 409.")
    @ApiResponse(responseCode = "409", description = "Intussen door iemand anders gewijzigd; 'current' is hoe het nu is",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/escalation-ladders/{province}", consumes = MediaType.APPLICATION_JSON_VALUE)
    LadderResource changeLadder(@PathVariable String province, @RequestBody LadderRequest body) {
        var code = knownProvince(province);
        var input = new FormInput();
        requireVersion(body.version(), input);
        var steps = new ArrayList<LadderStep>();
        var list = body.steps() == null ? List.<LadderStepRequest>of() : body.steps();
        for (int i = 0; i < list.size(); i++) {
            var s = list.get(i);
            var field = "steps[" + i + "]";
            if (s == null) {
                input.problem(Problem.atRow(i + 1, field, "supervisionApi.item.missing"));
                continue;
            }
            var kind = input.choice(StepKind.class, field + ".kind", s.kind(), null);
            if (kind == null && FormInput.blank(s.kind())) {
                input.problem(Problem.atRow(i + 1, field + ".kind", "supervisionApi.step.kindRequired"));
            }
            steps.add(new LadderStep(FormInput.blank(s.key()) ? null : s.key().strip(), kind, s.name(), s.termDays()));
        }
        input.check();
        try {
            return ladder(guarded(() -> ladders.change(code, steps, body.openAfterMissed(), body.version()),
                    () -> ladder(ladders.of(code))));
        }
        catch (InvalidInput e) {
            // The ladder names a step's problem by its row; the body by its place in the list, as sent.
            throw new InvalidInput(e.problems().stream().map(p -> p.row() <= 0 ? p
                    : new Problem(p.row(), "steps[" + (p.row() - 1) + "]." + ("term".equals(p.field()) ? "termDays"
                            : p.field()), p.messageKey(), p.arguments())).toList());
        }
    }

    // ---- cases

    @Operation(summary = "Toezichtzaken", description = "Binnen uw scope, nieuwste eerst; standaard alleen open zaken. "
            + "Een provincie ziet haar eigen gemeenten (een andere provincie vragen geeft 403), een gemeente zichzelf.")
    @GetMapping("/escalation-cases")
    List<CaseSummary> caseList(@Parameter(description = "Provincie, zoals PV26") @RequestParam(required = false) String province,
            @Parameter(description = "Gemeente, zoals GM0344") @RequestParam(required = false) String municipality,
            @Parameter(description = "open (standaard) of all") @RequestParam(required = false) String status) {
        var input = new FormInput();
        var code = input.municipality("municipality", municipality);
        boolean openOnly = FormInput.blank(status) || status.strip().equalsIgnoreCase("open");
        if (!openOnly && !status.strip().equalsIgnoreCase("all")) {
            input.problem(Problem.of("status", "supervisionApi.status.invalid", status.strip()));
        }
        input.check();
        var today = today();
        return escalations.cases(province("province", province), code, openOnly).stream()
                .map(c -> summary(c, today)).toList();
    }

    @Operation(summary = "Een zaak openen", description = "Standaard op de eerste stap van de ladder van de provincie; een "
            + "latere stap vraagt een onderbouwing (justification), het besluit of de uitvoering van indeplaatsstelling "
            + "kan niet. Een gemeente heeft hoogstens één open zaak. Antwoordt 201 met Location." + DATES_NOTE)
    @ApiResponse(responseCode = "201", description = "Geopend")
    @PostMapping(path = "/escalation-cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseResource> open(@RequestBody CaseOpeningRequest body) {
        var code = municipality(body.municipality());
        long id = escalations.open(new Escalations.CaseOpening(code, body.openedOn(), body.reason(), body.decisionMaker(),
                FormInput.blank(body.stepKey()) ? null : body.stepKey().strip(), body.justification(), body.notes()));
        return ResponseEntity.created(URI.create("/api/v1/escalation-cases/" + id)).body(full(escalations.find(id)));
    }

    @Operation(summary = "Een zaak", description = "Met de stappen (elk met de datum waarop zij klaar moet zijn en de "
            + "dagen over de termijn), het handelingsperspectief, de kosten met het totaal, de verzoeken van de minister "
            + "en de documenten (de PDF onder 'pdf')." + TERMS_NOTE)
    @GetMapping("/escalation-cases/{id}")
    CaseResource caseOf(@PathVariable long id) {
        return full(escalations.find(id));
    }

    @Operation(summary = "Een zaak naar een stap van de ladder", description = "Alles behalve de volgende stap omhoog "
            + "(overslaan, teruggaan) vraagt een onderbouwing (justification). Een besluit tot indeplaatsstelling noemt "
            + "een hersteltermijn (deadline) of is spoedeisend (urgent, met onderbouwing); uitvoering komt pas na een "
            + "besluit. Met de gelezen versie; anders 409." + DATES_NOTE + TERMS_NOTE)
    @ApiResponse(responseCode = "409", description = "Intussen door iemand anders gewijzigd; 'current' is de zaak nu",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/escalation-cases/{id}/steps", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource move(@PathVariable long id, @RequestBody StepMoveRequest body) {
        var input = new FormInput();
        requireVersion(body.version(), input);
        input.check();
        var move = new Escalations.StepMove(FormInput.blank(body.stepKey()) ? null : body.stepKey().strip(),
                body.stepOn(), body.decisionMaker(), body.notes(), body.justification(), body.deadline(),
                Boolean.TRUE.equals(body.urgent()));
        return full(guarded(() -> escalations.move(id, body.version(), move), () -> full(escalations.find(id))));
    }

    @Operation(summary = "Een zaak sluiten", description = "COMPLIES: de gemeente voldoet; COMMITTED: zij zegt "
            + "geloofwaardig toe (art. 124d), met wat, wanneer en door wie; WITHDRAWN: de provincie trekt in, met een "
            + "toelichting (note). Met de gelezen versie; anders 409." + DATES_NOTE)
    @ApiResponse(responseCode = "409", description = "Intussen door iemand anders gewijzigd; 'current' is de zaak nu",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/escalation-cases/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource close(@PathVariable long id, @RequestBody ClosureRequest body) {
        var input = new FormInput();
        var closure = input.choice(EscalationCase.Closure.class, "closure", body.closure(), null);
        requireVersion(body.version(), input);
        input.check();
        var closing = new Escalations.CaseClosing(closure, body.closedOn(), body.note(), body.commitmentText(),
                body.commitmentPlaces(), body.commitmentDue(), body.commitmentOn(), body.commitmentBy());
        return full(guarded(() -> escalations.close(id, body.version(), closing), () -> full(escalations.find(id))));
    }

    @Operation(summary = "Een afspraak van het handelingsperspectief vastleggen", description = "Zoals extra plaatsen voor "
            + "een datum of een regionale afspraak met buurgemeenten. Antwoordt met de zaak.")
    @PostMapping(path = "/escalation-cases/{id}/course-of-action", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource agree(@PathVariable long id, @RequestBody CourseItemRequest body) {
        var input = new FormInput();
        var kind = input.choice(EscalationCase.ActionKind.class, "kind", body.kind(), null);
        input.check();
        return full(escalations.agree(id, new Escalations.CourseInput(kind, body.description(), body.places(),
                body.dueOn(), body.partners(), body.agreedOn())));
    }

    @Operation(summary = "Kosten van indeplaatsstelling vastleggen", description = "Voor rekening van de gemeente (art. "
            + "124 lid 1). Antwoordt met de zaak en het totaal.")
    @PostMapping(path = "/escalation-cases/{id}/costs", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource recordCost(@PathVariable long id, @RequestBody CostRequest body) {
        return full(escalations.recordCost(id, body.incurredOn(), body.description(), body.amount()));
    }

    @Operation(summary = "Een verzoek van de minister vastleggen", description = "De minister vraagt de provincie op te "
            + "treden (art. 124a). Het ministerie of de provincie legt het vast.")
    @PostMapping(path = "/escalation-cases/{id}/minister-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource recordMinisterRequest(@PathVariable long id, @RequestBody MinisterRequestRequest body) {
        return full(escalations.recordMinisterRequest(id, body.requestedOn(), body.reference(), body.note()));
    }

    /** Which document to write and, where the law asks one, the deadline. */
    record DocumentRequest(@Schema(description = "WARNING_LETTER, INTENTION of SUBSTITUTION_DECISION") String kind,
            @Schema(description = "Hersteltermijn; bij een besluit standaard de termijn uit het besluit") LocalDate deadline) {
    }

    @Operation(summary = "Een document van een zaak schrijven", description = "Een schriftelijke waarschuwing of "
            + "vooraankondiging (bij de stap waarschuwing) of een besluit tot indeplaatsstelling (bij de stap besluit), uit "
            + "het sjabloon van de provincie en met de cijfers van vandaag, als PDF in het Nederlands bij de zaak bewaard. "
            + "Antwoordt 201 met de zaak; Location wijst naar de PDF.")
    @PostMapping(path = "/escalation-cases/{id}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseResource> writeDocument(@PathVariable long id, @RequestBody DocumentRequest body) {
        var input = new FormInput();
        var kind = input.choice(nl.doorstroom.supervision.DocumentKind.class, "documentKind", body.kind(), null);
        input.check();
        long document = escalations.writeDocument(id, kind, body.deadline());
        return ResponseEntity.created(java.net.URI.create("/api/v1/escalation-cases/" + id + "/documents/" + document))
                .body(full(escalations.find(id)));
    }

    @Operation(summary = "De PDF van een document van een zaak")
    @ApiResponse(responseCode = "200", description = "Het document",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/escalation-cases/{id}/documents/{documentId}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long documentId) {
        return PdfDocuments.download(escalations.pdf(id, documentId), "zaak-" + id + "-document-" + documentId);
    }

    @Operation(summary = "Publicatie van een document vastleggen", description = "Het voornemen en het besluit tot "
            + "indeplaatsstelling worden gepubliceerd en aan de gemeenteraad gezonden (art. 124 lid 4): de dag van elk, "
            + "of van één van beide." + DATES_NOTE)
    @PostMapping(path = "/escalation-cases/{id}/documents/{documentId}/publication",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource recordPublication(@PathVariable long id, @PathVariable long documentId,
            @RequestBody PublicationRequest body) {
        return full(escalations.recordPublication(id, documentId, body.publishedOn(), body.sentToCouncilOn()));
    }

    // ---- overdue and the dashboard

    @Operation(summary = "Zaken over de termijn", description = "Open zaken waarvan de huidige stap op de dag over de "
            + "termijn is, langst over de termijn eerst." + TERMS_NOTE)
    @GetMapping("/escalation-overdue")
    List<CaseSummary> overdue(@Parameter(description = "Standaard vandaag") @RequestParam(required = false) LocalDate date,
            @Parameter(description = "Provincie, zoals PV26") @RequestParam(required = false) String province) {
        var on = date == null ? today() : date;
        return escalations.overdue(on, province("province", province)).stream().map(c -> summary(c, on)).toList();
    }

    @Operation(summary = "Waar het proces stokt", description = "Per stap van de ladder hoeveel gemeenten er nu staan en "
            + "hoeveel over de termijn, en hoe lang de doorgangen duurden; zonder provincie het land (per soort stap).")
    @GetMapping("/supervision-dashboard")
    DashboardResource dashboard(@Parameter(description = "Provincie, zoals PV26") @RequestParam(required = false) String province,
            @Parameter(description = "Standaard vandaag") @RequestParam(required = false) LocalDate date) {
        var on = date == null ? today() : date;
        SupervisionDashboard d = escalations.dashboard(province("province", province), on);
        var byProvince = new LinkedHashMap<String, Map<StepKind, Integer>>();
        escalations.openByProvince().forEach((p, counts) -> byProvince.put(p.value(), counts));
        return new DashboardResource(d.date(), d.province() == null ? null : d.province().value(), d.open(), d.overdue(),
                d.closed(), d.ministerRequests(), d.awaitingPublication(), d.costs(),
                d.steps().stream().map(this::statistics).toList(), d.stall().map(this::statistics).orElse(null),
                byProvince);
    }
}
