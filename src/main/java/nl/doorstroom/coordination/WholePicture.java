package nl.doorstroom.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.reception.ReceptionTasks;
import nl.doorstroom.reception.TaskPicture;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.supervision.Escalations;
import nl.doorstroom.supervision.StepKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole picture per municipality, as asked at the table (DOMAIN.md, "The situation"): permit-holder quota
 * progress, reception places against the distribution-act task, displaced Ukrainians received, commitments kept
 * and an open escalation, side by side, with the combined {@link EffortIndex}. It also feeds the call list.
 */
@Service
public class WholePicture {

    /** A municipality's whole picture on a date. */
    public record Row(MunicipalityCode code, String name, String province, long correctedQuota, long housed,
            double expected, Long receptionTask, Long receptionProvided, Long ukrainians, long ukrainiansFairShare,
            int commitmentsDecided, int commitmentsKept, StepKind escalationStep, EffortIndex effort) {
    }

    private final ProgressMonitor progress;
    private final ReceptionTasks reception;
    private final StoredContacts stored;
    private final Escalations escalations;
    private final MunicipalityRegistry registry;
    private final nl.doorstroom.reception.ReceptionLocations locations;

    WholePicture(ProgressMonitor progress, ReceptionTasks reception, StoredContacts stored, Escalations escalations,
            MunicipalityRegistry registry, nl.doorstroom.reception.ReceptionLocations locations) {
        this.locations = locations;
        this.progress = progress;
        this.reception = reception;
        this.stored = stored;
        this.escalations = escalations;
        this.registry = registry;
    }

    /** The rows the reader sees, the largest effort first. */
    @Transactional(readOnly = true)
    public List<Row> on(LocalDate date) {
        var user = Coordinators.requireReader();
        var visible = Coordinators.visible(user, registry);
        return all(date).stream().filter(r -> visible == null || visible.contains(r.code()))
                .sorted(Comparator.comparing((Row r) -> r.effort().value() == null ? -1 : r.effort().value()).reversed()
                        .thenComparing(Row::name))
                .toList();
    }

    /** Every municipality's row, for the call list (no scope: the call list narrows itself). */
    @Transactional(readOnly = true)
    public List<Row> all(LocalDate date) {
        return all(date, stored.cooperation(date), escalations.openSteps());
    }

    /** As {@link #all(LocalDate)}, with the cooperation and open cases the call list has read already. */
    List<Row> all(LocalDate date, Map<MunicipalityCode, StoredContacts.Cooperation> cooperation,
            Map<MunicipalityCode, StepKind> escalated) {
        var picture = progress.at(date);
        Map<MunicipalityCode, TaskPicture> tasks = reception.picture(date);
        long ukrainians = tasks.values().stream().mapToLong(t -> t.ukrainians() == null ? 0 : t.ukrainians()).sum();
        // The fair share among those that reported: a municipality without a figure is left out of both sums.
        long population = tasks.values().stream().filter(t -> t.ukrainians() != null).mapToLong(TaskPicture::population)
                .sum();
        // Places provided: the municipality's own reception places and COA's locations in the municipality.
        var coa = locations.capacityByMunicipality(date);
        var rows = new ArrayList<Row>();
        for (var m : picture.municipalities()) {
            var current = m.current();
            var task = tasks.get(m.code());
            var c = cooperation.get(m.code());
            int decided = c == null ? 0 : c.decided().size();
            int kept = c == null ? 0 : (int) c.decided().stream().filter(s -> s == Commitment.Status.KEPT).count();
            long fairUkrainians = task == null || task.ukrainians() == null || population == 0 ? 0
                    : Math.round((double) ukrainians * task.population() / population);
            var atCoa = coa.get(m.code());
            Long provided = task == null || (task.municipalPlaces() == null && atCoa == null) ? null
                    : (task.municipalPlaces() == null ? 0 : task.municipalPlaces())
                            + (atCoa == null ? 0 : atCoa.regularCapacity() + atCoa.emergencyCapacity());
            var effort = new EffortIndex(
                    current.expected() >= 1 ? EffortIndex.percent(current.housed(), current.expected()) : null,
                    provided == null ? null : EffortIndex.percent(provided, task.task()),
                    task == null || task.ukrainians() == null ? null
                            : EffortIndex.percent(task.ukrainians(), fairUkrainians),
                    decided == 0 ? null : EffortIndex.percent(kept, decided));
            rows.add(new Row(m.code(), m.name(), m.provinceName(), current.correctedQuota(), current.housed(),
                    current.expected(), task == null ? null : task.task(), provided,
                    task == null ? null : task.ukrainians(), fairUkrainians, decided, kept, escalated.get(m.code()),
                    effort));
        }
        return rows;
    }
}
