package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class TableLetterBatchesTests {

    static final TableLetterTemplate TEMPLATE = new TableLetterTemplate(7, "Oproep", "Onderwerp", "Tekst", 3, "test",
            Instant.EPOCH);

    @Test
    void theAuditDetailNamesEveryMunicipalityOfASmallBatch() {
        var detail = TableLetterBatches.auditDetail(TEMPLATE, List.of(MunicipalityCode.of("GM0344"),
                MunicipalityCode.of("GM0355")));

        assertThat(detail).isEqualTo("template=7 version=3 letters=2 municipalities=GM0344,GM0355");
    }

    @Test
    void theAuditDetailOfALetterToEveryMunicipalityFitsTheTrail() {
        var all = new ArrayList<MunicipalityCode>();
        for (int i = 1; i <= 400; i++) {
            all.add(MunicipalityCode.of(String.format("GM%04d", i)));
        }

        var detail = TableLetterBatches.auditDetail(TEMPLATE, all);

        assertThat(detail).hasSizeLessThanOrEqualTo(TableLetterBatches.AUDIT_DETAIL_LIMIT)
                .startsWith("template=7 version=3 letters=400 municipalities=GM0001,GM0002").endsWith(" more");
        int listed = detail.substring(detail.indexOf('=', detail.indexOf("municipalities")) + 1).split(",").length;
        int more = Integer.parseInt(detail.replaceAll(".* and (\\d+) more$", "$1"));
        assertThat(listed + more).isEqualTo(400);
    }
}
