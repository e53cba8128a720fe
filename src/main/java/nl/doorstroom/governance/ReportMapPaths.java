package nl.doorstroom.governance;

import java.awt.geom.Path2D;

/**
 * Reads the outline of a municipality as the national map emits it for SVG into a Java2D shape, to draw the
 * map into the report's image (the PDF renderer draws no SVG). The map writes each ring as an absolute move
 * followed by relative lines and a close ({@code M12 34l5 -6l-7 8z}); absolute lines ({@code L}) and relative
 * moves ({@code m}) are read as well. Anything else is refused rather than drawn wrong.
 */
final class ReportMapPaths {

    private ReportMapPaths() {
    }

    static Path2D.Double read(String svgPath) {
        var path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        int i = 0;
        int n = svgPath.length();
        char command = 0;
        double x = 0, y = 0, startX = 0, startY = 0;
        boolean open = false;
        while (i < n) {
            char c = svgPath.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (Character.isLetter(c)) {
                command = c;
                i++;
                if (c == 'z' || c == 'Z') {
                    if (open) {
                        path.closePath();
                        open = false;
                    }
                    x = startX;
                    y = startY;
                }
                else if ("MmLl".indexOf(c) < 0) {
                    throw new IllegalArgumentException("Unsupported path command '" + c + "' at " + (i - 1));
                }
                continue;
            }
            if (command == 0 || command == 'z' || command == 'Z') {
                throw new IllegalArgumentException("A number without a command at " + i);
            }
            int[] end = new int[1];
            double a = number(svgPath, i, end);
            i = skipSeparators(svgPath, end[0]);
            double b = number(svgPath, i, end);
            i = end[0];
            switch (command) {
                case 'M' -> {
                    x = a;
                    y = b;
                }
                case 'm' -> {
                    x += a;
                    y += b;
                }
                case 'L' -> {
                    x = a;
                    y = b;
                }
                default -> {
                    x += a;
                    y += b;
                }
            }
            if (command == 'M' || command == 'm') {
                path.moveTo(x, y);
                startX = x;
                startY = y;
                open = true;
                // After a move, further pairs are lines of the same kind (SVG 1.1, 8.3.2).
                command = command == 'M' ? 'L' : 'l';
            }
            else {
                path.lineTo(x, y);
            }
        }
        return path;
    }

    private static int skipSeparators(String s, int i) {
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    private static double number(String s, int from, int[] end) {
        int i = from;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i == from) {
            throw new IllegalArgumentException("A number expected at " + from);
        }
        end[0] = i;
        return Double.parseDouble(s.substring(from, i));
    }
}
