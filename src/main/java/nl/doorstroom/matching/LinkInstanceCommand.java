package nl.doorstroom.matching;

import nl.doorstroom.matching.engine.InstanceFiles;
import nl.doorstroom.matching.engine.LinkingEngine;
import nl.doorstroom.matching.engine.LinkingInstance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar target/doorstroom.jar link-instance DIR --seconds S --out FILE}: solves an instance
 * directory (see {@link InstanceFiles}) without the web server or the database, writes
 * {@code household,municipality} rows for the linked households and prints the summary line last.
 * Exit codes: 0 solved, 2 malformed instance (every problem listed), 1 wrong arguments or an I/O error.
 */
public final class LinkInstanceCommand {

    public static final String NAME = "link-instance";

    private LinkInstanceCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path directory = null;
        Path output = null;
        double seconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--seconds needs a number");
                    }
                    try {
                        seconds = Double.parseDouble(args[++i]);
                    }
                    catch (NumberFormatException e) {
                        return usage(err, "--seconds needs a number, not " + args[i]);
                    }
                    if (!(seconds > 0)) {
                        return usage(err, "--seconds must be positive");
                    }
                }
                case "--out" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--out needs a file");
                    }
                    output = Path.of(args[++i]);
                }
                default -> {
                    if (directory != null || args[i].startsWith("--")) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    directory = Path.of(args[i]);
                }
            }
        }
        if (directory == null || output == null) {
            return usage(err, "an instance directory and --out are required");
        }
        LinkingInstance instance;
        try {
            instance = InstanceFiles.read(directory);
        }
        catch (InstanceFiles.Malformed e) {
            err.println("The instance in " + directory + " is malformed (" + e.problems().size() + " problems):");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        }
        catch (IOException e) {
            err.println("Could not read " + directory + ": " + e.getMessage());
            return 1;
        }
        var solution = LinkingEngine.solve(instance, seconds);
        try (var writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write("household,municipality\n");
            for (int h = 0; h < instance.householdCount(); h++) {
                int m = solution.assignment()[h];
                if (m >= 0) {
                    writer.write(instance.household(h) + "," + instance.municipality(m) + "\n");
                }
            }
        }
        catch (IOException e) {
            err.println("Could not write " + output + ": " + e.getMessage());
            return 1;
        }
        out.println(solution.summary());
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: java -jar target/doorstroom.jar " + NAME + " DIR --seconds S --out FILE");
        return 1;
    }
}
