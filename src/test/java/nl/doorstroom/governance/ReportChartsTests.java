package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ReportChartsTests {

    static java.awt.image.BufferedImage decode(String dataUri) throws Exception {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        var bytes = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aBarChartIsAPngWithTheSeriesColours() throws Exception {
        var image = decode(ReportCharts.bars(List.of("2025-II", "2026-I"), List.of(
                new ReportCharts.Series("Taakstelling", List.of(1000L, 1200L), ReportCharts.FIRST, false),
                new ReportCharts.Series("Gehuisvest", List.of(800L, 300L), ReportCharts.SECOND, false)),
                Long::toString));

        assertThat(image.getWidth()).isPositive();
        var colours = new java.util.HashSet<Integer>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).contains(ReportCharts.FIRST.getRGB() & 0xffffff, ReportCharts.SECOND.getRGB() & 0xffffff);
    }

    @Test
    void aLineChartWithAGapStillDraws() throws Exception {
        var values = new java.util.ArrayList<Long>(java.util.Arrays.asList(1900L, null, 2100L));

        var image = decode(ReportCharts.lines(List.of("a", "b", "c"),
                List.of(new ReportCharts.Series("Ter Apel", values, ReportCharts.FIRST, false)), Long::toString));

        assertThat(image.getHeight()).isPositive();
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ReportCharts.niceStep(0)).isEqualTo(1);
        assertThat(ReportCharts.niceStep(7)).isEqualTo(2);
        assertThat(ReportCharts.niceStep(2300)).isEqualTo(500);
        assertThat(ReportCharts.niceStep(28812)).isEqualTo(10000);
    }
}
