package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.Escalations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table's letters to a chosen set of municipalities: finds the municipalities that meet a selection (province,
 * colour, escalation step, or picked by hand) with their figures of today, writes one PDF with a letter to each
 * from a template, and keeps every batch with its PDF for download (each download audited). A province supervisor
 * selects and writes within the own province only ({@link TableLetterWriters}).
 */
@Service
public class TableLetterBatches {

    /** The most letters in one batch: every municipality of the country. */
    public static final int MAX_LETTERS = 400;

    /** The length of an audit event's detail (identity's audit_event.detail). */
    static final int AUDIT_DETAIL_LIMIT = 2000;

    private final OpenDataFigures figures;
    private final Escalations escalations;
    private final MunicipalityRegistry registry;
    private final StoredTableLetters stored;
    private final TableLetterDocuments documents;
    private final AuditTrail audit;
    private final GovernanceJobs jobs;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    TableLetterBatches(OpenDataFigures figures, Escalations escalations, MunicipalityRegistry registry,
            StoredTableLetters stored, TableLetterDocuments documents, AuditTrail audit, GovernanceJobs jobs,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.jobs = jobs;
        this.transactions = transactions;
        this.figures = figures;
        this.escalations = escalations;
        this.registry = registry;
        this.stored = stored;
        this.documents = documents;
        this.audit = audit;
    }

    /** The municipalities the writer may write to that meet the selection, with their figures on the date, by name. */
    @Transactional(readOnly = true)
    public List<TableLetterFigures> candidates(TableLetterSelection selection, LocalDate date) {
        var user = TableLetterWriters.requireWriter();
        var own = TableLetterWriters.provinceOf(user);
        var provinces = registry.all().stream()
                .collect(Collectors.toMap(Municipality::code, Municipality::province, (a, b) -> a));
        return figuresOf(figures.figures(HalfYear.containing(date), date)).values().stream()
                .filter(f -> own == null || own.equals(provinces.get(f.code())))
                .filter(f -> selection.admits(f, provinces.get(f.code())))
                .sorted(Comparator.comparing(TableLetterFigures::name).thenComparing(f -> f.code().value()))
                .toList();
    }

    /**
     * Writes a letter from the template to each municipality on the date, in the order given, as one PDF, and keeps
     * it. The template must still be at the version the writer read (when given).
     *
     * @throws InvalidInput when no municipality is chosen, a code is unknown or has no figures
     * @throws EditConflict when the template changed since the writer read it
     * @throws AccessDeniedException when a municipality lies outside the writer's province
     */
    @Transactional
    public TableLetterBatch generate(long templateId, Integer expectedTemplateVersion, List<MunicipalityCode> codes,
            LocalDate date) {
        var user = TableLetterWriters.requireWriter();
        var template = stored.template(templateId)
                .orElseThrow(() -> new NoSuchElementException("No letter template " + templateId));
        if (expectedTemplateVersion != null && expectedTemplateVersion != template.version()) {
            throw new EditConflict("letter template " + templateId);
        }
        var chosen = new ArrayList<>(new LinkedHashSet<>(codes == null ? List.<MunicipalityCode>of() : codes));
        if (chosen.isEmpty()) {
            throw InvalidInput.of("letterMunicipalities", "governance.letter.batch.none");
        }
        if (chosen.size() > MAX_LETTERS) {
            throw InvalidInput.of("letterMunicipalities", "governance.letter.batch.tooMany", chosen.size(), MAX_LETTERS);
        }
        var own = TableLetterWriters.provinceOf(user);
        var provinces = new LinkedHashSet<ProvinceCode>();
        var problems = new ArrayList<Problem>();
        for (var code : chosen) {
            var municipality = registry.find(code);
            if (municipality.isEmpty()) {
                problems.add(Problem.of("letterMunicipalities", "governance.letter.batch.unknown", code.value()));
                continue;
            }
            if (own != null && !own.equals(municipality.get().province())) {
                throw new AccessDeniedException("A province supervisor writes to the own province's municipalities only");
            }
            provinces.add(municipality.get().province());
        }
        var set = figures.figures(HalfYear.containing(date), date);
        var byCode = figuresOf(set);
        chosen.stream().filter(c -> registry.exists(c) && !byCode.containsKey(c)).forEach(c -> problems.add(
                Problem.of("letterMunicipalities", "governance.letter.batch.noFigures", c.value())));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var letters = chosen.stream().map(byCode::get).toList();
        var pdf = documents.render(template, letters, date, set.synthetic());
        var province = provinces.size() == 1 ? provinces.iterator().next() : null;
        long id = stored.insertBatch(date, template, chosen, province, set.synthetic(), CurrentUser.actor(), pdf);
        audit.recordChange("table-letter-batch.generated", "table-letter-batch", id, auditDetail(template, chosen));
        return stored.batch(id).orElseThrow();
    }

    /**
     * Queues the writing of a batch as {@link #generate} does, and answers the job at once. The choice is checked
     * now (template version, municipalities known and within the writer's province); the figures are read by the
     * job, which fails naming the municipalities without figures. Progress: the figures, each letter, the PDF.
     *
     * @throws InvalidInput when no municipality is chosen or a code is unknown
     * @throws EditConflict when the template changed since the writer read it
     * @throws AccessDeniedException when a municipality lies outside the writer's province
     */
    public GovernanceJob start(long templateId, Integer expectedTemplateVersion, List<MunicipalityCode> codes,
            LocalDate date) {
        var chosen = new ArrayList<>(new LinkedHashSet<>(codes == null ? List.<MunicipalityCode>of() : codes));
        var template = transactions.execute(tx -> check(templateId, expectedTemplateVersion, chosen));
        var provinces = new LinkedHashSet<ProvinceCode>();
        chosen.forEach(c -> provinces.add(registry.find(c).orElseThrow().province()));
        var province = provinces.size() == 1 ? provinces.iterator().next() : null;
        var actor = CurrentUser.actor();
        long id = jobs.submit(GovernanceJob.Kind.LETTER_BATCH, chosen.size() + 2, progress -> {
            progress.step("governance.job.step.letterFigures", 0);
            var set = figures.figures(HalfYear.containing(date), date);
            var byCode = figuresOf(set);
            var missing = chosen.stream().filter(c -> !byCode.containsKey(c)).map(MunicipalityCode::value).toList();
            if (!missing.isEmpty()) {
                throw new GovernanceJobs.Failed("governance.job.error.noFigures", String.join(", ", missing));
            }
            var letters = documents.letters(template, chosen.stream().map(byCode::get).toList(), date,
                    written -> progress.step("governance.job.step.letters", written));
            progress.step("governance.job.step.render", chosen.size() + 1);
            var pdf = documents.renderLetters(template, letters, date, set.synthetic());
            return () -> {
                long batch = stored.insertBatch(date, template, chosen, province, set.synthetic(), actor, pdf);
                audit.recordChange("table-letter-batch.generated", "table-letter-batch", batch,
                        auditDetail(template, chosen));
                return batch;
            };
        });
        return jobs.find(id);
    }

    /** The checks of a batch that need no figures; the template as read. */
    private TableLetterTemplate check(long templateId, Integer expectedTemplateVersion, List<MunicipalityCode> chosen) {
        var user = TableLetterWriters.requireWriter();
        var template = stored.template(templateId)
                .orElseThrow(() -> new NoSuchElementException("No letter template " + templateId));
        if (expectedTemplateVersion != null && expectedTemplateVersion != template.version()) {
            throw new EditConflict("letter template " + templateId);
        }
        if (chosen.isEmpty()) {
            throw InvalidInput.of("letterMunicipalities", "governance.letter.batch.none");
        }
        if (chosen.size() > MAX_LETTERS) {
            throw InvalidInput.of("letterMunicipalities", "governance.letter.batch.tooMany", chosen.size(), MAX_LETTERS);
        }
        var own = TableLetterWriters.provinceOf(user);
        var problems = new ArrayList<Problem>();
        for (var code : chosen) {
            var municipality = registry.find(code);
            if (municipality.isEmpty()) {
                problems.add(Problem.of("letterMunicipalities", "governance.letter.batch.unknown", code.value()));
            }
            else if (own != null && !own.equals(municipality.get().province())) {
                throw new AccessDeniedException("A province supervisor writes to the own province's municipalities only");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return template;
    }

    /**
     * What the audit trail says of a batch: template, version, number of letters and the municipalities, the list cut
     * short where it would not fit the trail's detail (2000 characters); the batch itself keeps them all.
     */
    static String auditDetail(TableLetterTemplate template, List<MunicipalityCode> municipalities) {
        var head = "template=" + template.id() + " version=" + template.version() + " letters=" + municipalities.size()
                + " municipalities=";
        var codes = new StringBuilder();
        for (int i = 0; i < municipalities.size(); i++) {
            var next = (i == 0 ? "" : ",") + municipalities.get(i).value();
            if (head.length() + codes.length() + next.length() > AUDIT_DETAIL_LIMIT - 24) {
                codes.append(" and ").append(municipalities.size() - i).append(" more");
                break;
            }
            codes.append(next);
        }
        return head + codes;
    }

    /** The batches the reader sees, newest first: all for the table's national members, the own province's for a supervisor. */
    @Transactional(readOnly = true)
    public List<TableLetterBatch> batches(int limit) {
        var user = TableLetterWriters.requireWriter();
        var own = TableLetterWriters.provinceOf(user);
        return stored.batches(own, Math.max(1, Math.min(500, limit)));
    }

    @Transactional(readOnly = true)
    public TableLetterBatch batch(long id) {
        TableLetterWriters.requireWriter();
        var batch = stored.batch(id).orElseThrow(() -> new NoSuchElementException("No letter batch " + id));
        requireReaderOf(batch);
        return batch;
    }

    /** A batch's PDF; every download is recorded in the audit trail. */
    @Transactional
    public byte[] pdf(long id) {
        var batch = batch(id);
        var pdf = stored.pdf(id).orElseThrow(() -> new NoSuchElementException("No letter batch " + id));
        audit.recordChange("table-letter-batch.downloaded", "table-letter-batch", id,
                "letters=" + batch.municipalities().size());
        return pdf;
    }

    private static void requireReaderOf(TableLetterBatch batch) {
        var user = TableLetterWriters.requireWriter();
        var own = TableLetterWriters.provinceOf(user);
        if (own != null && !own.equals(batch.province())) {
            // Not told apart from a batch that does not exist.
            throw new NoSuchElementException("No letter batch " + batch.id());
        }
    }

    /** Every municipality's figures in the set's half-year, with its open escalation step. */
    private Map<MunicipalityCode, TableLetterFigures> figuresOf(OpenDataSet set) {
        var period = set.period();
        var steps = escalations.openSteps();
        return set.rows().stream().map(r -> {
            var code = MunicipalityCode.of(r.municipalityCode());
            return new TableLetterFigures(code, r.municipalityName(), r.provinceName(), period, r.quota(),
                    r.carryOver(), r.correctedQuota(), r.housed(), r.shortfall(),
                    r.realisationPercent() == null ? null : r.realisationPercent().doubleValue(),
                    Colour.valueOf(r.assessmentColour()), r.coaReceptionPlaces(), r.municipalReceptionPlaces(),
                    r.commitmentsDecided(), r.commitmentsKept(), steps.get(code));
        }).collect(Collectors.toMap(TableLetterFigures::code, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
