package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class QuotaTransferTests {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode ZEIST = MunicipalityCode.of("GM0355");

    @Test
    void aBalancedAgreementHasNoImbalance() {
        assertThat(QuotaTransfer.imbalance(Map.of(UTRECHT, -10, ZEIST, 10))).isZero();
    }

    @Test
    void anUnbalancedAgreementReportsByHowMuch() {
        assertThat(QuotaTransfer.imbalance(Map.of(UTRECHT, -10, ZEIST, 12))).isEqualTo(2);
    }

    @Test
    void balancedTransfersPreserveTheJointTotal() {
        qt().withExamples(500).forAll(lists().of(integers().between(0, 2_000)).ofSizeBetween(2, 8),
                        lists().of(integers().between(-300, 300)).ofSizeBetween(8, 8))
                .checkAssert((quotas, draws) -> {
                    int n = quotas.size();
                    var changes = new TreeMap<MunicipalityCode, Integer>();
                    int sum = 0;
                    for (int i = 0; i < n - 1; i++) {
                        changes.put(code(i), draws.get(i));
                        sum += draws.get(i);
                    }
                    changes.put(code(n - 1), -sum);
                    var transfer = new QuotaTransfer(1, new HalfYear(2024, 1), LocalDate.of(2024, 1, 10), "test", false,
                            "test", Instant.now(), changes);

                    var effect = QuotaTransfers.effectOf(List.of(transfer));

                    long before = quotas.stream().mapToLong(Integer::longValue).sum();
                    long after = 0;
                    for (int i = 0; i < n; i++) {
                        after += quotas.get(i) + effect.getOrDefault(code(i), 0L);
                    }
                    assertThat(QuotaTransfer.imbalance(changes)).isZero();
                    assertThat(after).isEqualTo(before);
                });
    }

    private static MunicipalityCode code(int i) {
        return MunicipalityCode.of(String.format("GM%04d", 100 + i));
    }
}
