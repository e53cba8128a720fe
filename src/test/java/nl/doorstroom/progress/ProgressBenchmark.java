package nl.doorstroom.progress;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import nl.doorstroom.DoorstroomApplication;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.shared.HalfYear;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark (not a test): progress of all 342 municipalities over 12 half-years (2021-I to 2026-II)
 * computed from 200,000 monthly figures in the database (eight full deliveries of 342 × 72 months
 * and a partial ninth; 24,624 of them count). Each run asks for another date, so no cached result
 * is reused. Prints median and p90 in milliseconds. Run with {@code bench/progress.sh}.
 */
public class ProgressBenchmark {

    public static void main(String[] args) {
        var context = new SpringApplicationBuilder(DoorstroomApplication.class)
                .run("--doorstroom.embedded-database.data-directory=", "--doorstroom.demo.enabled=false",
                        "--logging.level.root=WARN", "--server.port=0");
        try {
            var admin = new DoorstroomUser(0, "bench", "Benchmark", Role.ADMINISTRATOR, Scope.nation());
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin,
                    null, List.of(new SimpleGrantedAuthority(Role.ADMINISTRATOR.authority()))));
            var totals = context.getBean(NationalTotals.class);
            var calculation = context.getBean(QuotaCalculation.class);
            var realisation = context.getBean(Realisation.class);
            var monitor = context.getBean(ProgressMonitor.class);
            var registry = context.getBean(MunicipalityRegistry.class);

            var periods = HalfYear.range(new HalfYear(2021, 1), new HalfYear(2026, 2));
            for (var period : periods) {
                if (totals.history(period).isEmpty()) {
                    totals.enterSynthetic(period, 15_000, period.start().minusWeeks(14), "benchmark");
                }
                calculation.publish(period, 1L, "benchmark");
            }
            var random = new Random(1);
            var months = new ArrayList<YearMonth>();
            for (var period : periods) {
                months.addAll(period.months());
            }
            int target = 200_000;
            int written = 0;
            long seedStart = System.nanoTime();
            while (written < target) {
                var figures = new ArrayList<MonthlyFigure>();
                for (var m : registry.all()) {
                    for (var month : months) {
                        if (written + figures.size() < target) {
                            figures.add(new MonthlyFigure(m.code(), month, random.nextInt(40)));
                        }
                    }
                }
                realisation.record(figures, "DEMO", "benchmark delivery");
                written += figures.size();
            }
            System.out.printf("seeded figures=%d periods=%d municipalities=%d seconds=%.1f%n", written, periods.size(),
                    registry.all().size(), (System.nanoTime() - seedStart) / 1e9);

            var date = LocalDate.of(2026, 11, 28);
            int warmup = 15;
            int runs = 31;
            var timings = new double[runs];
            for (int i = 0; i < warmup + runs; i++) {
                long start = System.nanoTime();
                var picture = monitor.at(date.minusDays(i));
                double ms = (System.nanoTime() - start) / 1e6;
                if (picture.municipalities().size() != 342 || picture.periods().size() != 12) {
                    throw new IllegalStateException("unexpected picture: " + picture.periods());
                }
                if (i >= warmup) {
                    timings[i - warmup] = ms;
                }
            }
            Arrays.sort(timings);
            System.out.printf("progress municipalities=342 periods=12 figures=%d median_ms=%.1f p90_ms=%.1f%n", written,
                    timings[runs / 2], timings[(int) (runs * 0.9)]);
            monitor.at(date);
            var cached = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                monitor.at(date);
                cached[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(cached);
            System.out.printf("progress cached (inputs unchanged) median_ms=%.2f p90_ms=%.2f%n", cached[runs / 2],
                    cached[(int) (runs * 0.9)]);
        }
        finally {
            context.close();
        }
    }
}
