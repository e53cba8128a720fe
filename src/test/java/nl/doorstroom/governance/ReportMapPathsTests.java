package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;

import org.junit.jupiter.api.Test;

class ReportMapPathsTests {

    @Test
    void readsAnAbsoluteMoveWithRelativeLinesAsTheMapWritesThem() {
        var shape = ReportMapPaths.read("M10 20l30 0l0 40l-30 0z");

        assertThat(shape.getBounds2D()).isEqualTo(new Rectangle2D.Double(10, 20, 30, 40));
        assertThat(shape.contains(25, 40)).isTrue();
        assertThat(shape.contains(5, 40)).isFalse();
    }

    @Test
    void readsSeveralRingsWithAHoleByTheEvenOddRule() {
        var shape = ReportMapPaths.read("M0 0l100 0l0 100l-100 0zM40 40l20 0l0 20l-20 0z");

        assertThat(shape.contains(10, 10)).isTrue();
        assertThat(shape.contains(50, 50)).as("inside the hole").isFalse();
    }

    @Test
    void readsAbsoluteLinesRelativeMovesAndSeparatorsOfOtherWriters() {
        var shape = ReportMapPaths.read("m 5,5 L 15,5 15,15 5,15 Z");

        assertThat(shape.getBounds2D()).isEqualTo(new Rectangle2D.Double(5, 5, 10, 10));
    }

    @Test
    void refusesCommandsItWouldDrawWrong() {
        assertThatThrownBy(() -> ReportMapPaths.read("M0 0C1 1 2 2 3 3z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'C'");
        assertThatThrownBy(() -> ReportMapPaths.read("0 0")).isInstanceOf(IllegalArgumentException.class);
    }
}
