package nl.doorstroom.governance.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.governance.GovernanceJob;
import nl.doorstroom.governance.GovernanceJobs;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Weekly reports and letter batches being made in the background: their progress, result, and cancelling. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Regietafeltaken", description = "Een weekrapportage of briefbatch die op de achtergrond wordt gemaakt: "
        + "voortgang in stappen, afbreken, en als hij klaar is de rapportage of batch die hij maakte.")
class GovernanceJobApi {

    private final GovernanceJobs jobs;

    GovernanceJobApi(GovernanceJobs jobs) {
        this.jobs = jobs;
    }

    record JobResource(long id, String kind, String status, String step, int done, int total, int percent,
            String requestedBy, Instant requestedAt, Instant finishedAt, boolean cancelRequested, Long resultId,
            String result, String error, String errorDetail) {

        static JobResource of(GovernanceJob j) {
            return new JobResource(j.id(), j.kind().name(), j.status().name(), j.stepKey(), j.done(), j.total(),
                    j.percent(), j.requestedBy(), j.requestedAt(), j.finishedAt(), j.cancelRequested(), j.resultId(),
                    j.resultApi(), j.errorKey(), j.errorDetail());
        }
    }

    @Operation(summary = "Een taak met zijn voortgang", description = "Klaar (DONE): result wijst de rapportage aan.")
    @GetMapping("/governance-jobs/{id}")
    JobResource read(@PathVariable long id) {
        return JobResource.of(jobs.find(id));
    }

    @Operation(summary = "Breek een taak af", description = "Een wachtende taak stopt meteen, een lopende bij zijn "
            + "volgende stap; er wordt dan niets bewaard.")
    @PostMapping("/governance-jobs/{id}/cancellation")
    JobResource cancel(@PathVariable long id) {
        return JobResource.of(jobs.cancel(id));
    }
}
