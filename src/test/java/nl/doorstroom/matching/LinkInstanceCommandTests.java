package nl.doorstroom.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link-instance command on instance directories: a good one, and one with every kind of fault. */
class LinkInstanceCommandTests {

    @TempDir
    Path directory;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return LinkInstanceCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    void write(String file, String text) throws IOException {
        Files.writeString(directory.resolve(file), text);
    }

    @Test
    void solvesAnInstanceWritesTheLinksAndEndsWithTheSummaryLine() throws IOException {
        write("households.csv", "household,persons\nA,3\nB,1\nC,2\nD,2\n");
        write("capacities.csv", "municipality,capacity\nGM1,4\nGM2,4\n");
        write("pairs.csv", "household,municipality,score\nA,GM1,10\nA,GM2,9\nB,GM1,5\nC,GM1,6\nC,GM2,6\nD,GM2,7\n");
        var result = directory.resolve("links.csv");

        int code = run(directory.toString(), "--seconds", "1", "--out", result.toString());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(result)).containsExactlyInAnyOrder("household,municipality", "A,GM1", "B,GM1",
                "C,GM2", "D,GM2");
        var lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).matches(
                "objective=28 bound=28 linked_households=4 linked_persons=8 overflow_persons=0 seconds=\\d+\\.\\d+");
    }

    @Test
    void aMalformedInstanceIsRefusedWithEveryProblemByFileRowAndColumn() throws IOException {
        write("households.csv", "household,persons\nA,3\nA,1\nB,-2\nC,two\n");
        write("capacities.csv", "municipality\nGM1\n");
        write("pairs.csv", "household,municipality,score\nA,GM1,1.5\nX,GM1,3\nA,GM9,3\nB,GM1,1\nB,GM1,1\n");

        int code = run(directory.toString(), "--seconds", "1", "--out", directory.resolve("out.csv").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "households.csv:3:household: duplicate id A",
                "households.csv:4:persons: negative: -2",
                "households.csv:5:persons: not a whole number: 'two'",
                "capacities.csv:1:capacity: missing column",
                "pairs.csv:2:score: not a whole number: '1.5'",
                "pairs.csv:3:household: unknown household X",
                "pairs.csv:4:municipality: unknown municipality GM9");
        assertThat(Files.exists(directory.resolve("out.csv"))).isFalse();
    }

    @Test
    void aDuplicatePairIsAProblemToo() throws IOException {
        write("households.csv", "household,persons\nA,1\n");
        write("capacities.csv", "municipality,capacity\nGM1,1\n");
        write("pairs.csv", "household,municipality,score\nA,GM1,1\nA,GM1,2\n");

        int code = run(directory.toString(), "--out", directory.resolve("out.csv").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pairs.csv:3: duplicate pair A,GM1");
    }
}
