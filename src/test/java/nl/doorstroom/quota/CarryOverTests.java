package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class CarryOverTests {

    @Test
    void carriesShortfallIntoNextPeriod() {
        var chain = CarryOver.chain(new long[] {120, 110}, new long[] {100, 90}, 0);

        assertThat(chain.get(1).correctedQuota()).isEqualTo(130);
        assertThat(chain.get(1).shortfall()).isEqualTo(40);
    }

    @Test
    void anAdvanceLowersTheNextCorrectedQuota() {
        var chain = CarryOver.chain(new long[] {50, 60}, new long[] {70, 10}, 0);

        assertThat(chain.get(0).advance()).isEqualTo(20);
        assertThat(chain.get(1).carriedIn()).isEqualTo(-20);
        assertThat(chain.get(1).correctedQuota()).isEqualTo(40);
    }

    @Test
    void theBalanceAfterAnyNumberOfPeriodsIsTheRunningSum() {
        qt().withExamples(500).forAll(lists().of(integers().between(0, 5_000)).ofSizeBetween(3, 12),
                        lists().of(integers().between(0, 5_000)).ofSizeBetween(12, 12), integers().between(-500, 500))
                .checkAssert((quotaList, housedList, opening) -> {
                    var quotas = quotaList.stream().mapToLong(Integer::longValue).toArray();
                    var housed = housedList.subList(0, quotas.length).stream().mapToLong(Integer::longValue).toArray();

                    var chain = CarryOver.chain(quotas, housed, opening);

                    for (int i = 0; i < quotas.length; i++) {
                        long expected = opening + LongStream.of(quotas).limit(i + 1).sum()
                                - LongStream.of(housed).limit(i + 1).sum();
                        assertThat(chain.get(i).balance()).isEqualTo(expected);
                        assertThat(chain.get(i).correctedQuota()).isEqualTo(quotas[i] + (i == 0 ? opening : chain.get(i - 1).balance()));
                    }
                });
    }
}
