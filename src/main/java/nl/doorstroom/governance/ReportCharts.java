package nl.doorstroom.governance;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.function.LongFunction;

import javax.imageio.ImageIO;

import nl.doorstroom.municipalities.NationalMap;

/**
 * Draws the report's charts and map as PNG images in Java (AWT, headless), because the PDF renderer draws no
 * SVG and runs no script. Each image goes into the PDF as a data URI; the same figures are in a table beside it.
 */
final class ReportCharts {

    static {
        // No display on a server: AWT draws into images only.
        System.setProperty("java.awt.headless", "true");
    }

    /** Two colours that keep their contrast in grey print: dark blue and orange. */
    static final Color FIRST = new Color(0x08, 0x51, 0x9c);
    static final Color SECOND = new Color(0xe6, 0x6b, 0x00);
    private static final Color AXIS = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

    /** A series: its name in the legend and one value per category (null: no figure). */
    record Series(String name, List<Long> values, Color colour, boolean dashed) {
    }

    /** The outlines read once: the shipped boundaries do not change while the application runs. */
    private static final java.util.Map<String, java.awt.geom.Path2D.Double> OUTLINES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private ReportCharts() {
    }

    /** Grouped bars: per category one bar of each series. */
    static String bars(List<String> categories, List<Series> series, LongFunction<String> format) {
        return draw(categories, series, format, true);
    }

    /** Lines: each series a line over the categories. */
    static String lines(List<String> categories, List<Series> series, LongFunction<String> format) {
        return draw(categories, series, format, false);
    }

    private static String draw(List<String> categories, List<Series> series, LongFunction<String> format,
            boolean bars) {
        int width = 1200, height = 560;
        int left = 110, right = 30, top = 60, bottom = 70;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = canvas(image);
        long max = 1;
        for (var s : series) {
            for (var v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        long step = niceStep(max);
        long top100 = ((max + step - 1) / step) * step;
        double plotWidth = width - left - right, plotHeight = height - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        var metrics = g.getFontMetrics();
        for (long tick = 0; tick <= top100; tick += step) {
            double y = top + plotHeight - plotHeight * tick / top100;
            g.setColor(GRID);
            g.draw(new Line2D.Double(left, y, width - right, y));
            g.setColor(AXIS);
            var label = format.apply(tick);
            g.drawString(label, left - 10 - metrics.stringWidth(label), (float) y + 7);
        }
        int n = Math.max(1, categories.size());
        double slot = plotWidth / n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < categories.size(); i++) {
            if (i % labelEvery == 0) {
                var label = categories.get(i);
                g.setColor(AXIS);
                g.drawString(label, (float) (left + slot * i + slot / 2 - metrics.stringWidth(label) / 2.0),
                        height - bottom + 28);
            }
        }
        for (int s = 0; s < series.size(); s++) {
            var one = series.get(s);
            g.setColor(one.colour());
            if (bars) {
                double barWidth = slot * 0.8 / series.size();
                for (int i = 0; i < one.values().size(); i++) {
                    var v = one.values().get(i);
                    if (v == null) {
                        continue;
                    }
                    double h = plotHeight * v / top100;
                    g.fill(new Rectangle2D.Double(left + slot * i + slot * 0.1 + barWidth * s, top + plotHeight - h,
                            barWidth, h));
                }
            }
            else {
                g.setStroke(one.dashed() ? new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        new float[] { 12f, 8f }, 0f) : new BasicStroke(4f));
                Double px = null, py = null;
                for (int i = 0; i < one.values().size(); i++) {
                    var v = one.values().get(i);
                    if (v == null) {
                        px = null;
                        continue;
                    }
                    double x = left + slot * i + slot / 2, y = top + plotHeight - plotHeight * v / top100;
                    if (px != null) {
                        g.draw(new Line2D.Double(px, py, x, y));
                    }
                    else if (one.values().size() == 1 || i == one.values().size() - 1 || one.values().get(i + 1) == null) {
                        g.fill(new Rectangle2D.Double(x - 4, y - 4, 8, 8));
                    }
                    px = x;
                    py = y;
                }
                g.setStroke(new BasicStroke(1f));
            }
        }
        g.setColor(AXIS);
        g.draw(new Line2D.Double(left, top + plotHeight, width - right, top + plotHeight));
        legend(g, series, left, 30);
        g.dispose();
        return dataUri(image);
    }

    private static void legend(Graphics2D g, List<Series> series, int x, int y) {
        var metrics = g.getFontMetrics();
        int at = x;
        for (var s : series) {
            g.setColor(s.colour());
            g.fill(new Rectangle2D.Double(at, y - 16, 28, 16));
            g.setColor(AXIS);
            g.drawString(s.name(), at + 36, y);
            at += 36 + metrics.stringWidth(s.name()) + 40;
        }
    }

    /** Tick distance of 1, 2 or 5 times a power of ten giving at most about six lines. */
    static long niceStep(long max) {
        double raw = Math.max(1, max) / 5.0;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] { 1, 2, 5, 10 }) {
            if (m * power >= raw) {
                return Math.max(1, (long) (m * power));
            }
        }
        return Math.max(1, (long) (10 * power));
    }

    /** The municipalities in their colour class, with the legend below the map. */
    static String map(NationalMap.MapView view, String noFigure) {
        var box = view.viewBox().split(" ");
        double boxWidth = Double.parseDouble(box[2]), boxHeight = Double.parseDouble(box[3]);
        int width = 900;
        int mapHeight = (int) Math.round(width * boxHeight / boxWidth);
        int legendHeight = 60 + 36 * (view.legend().size() + 1);
        var image = new BufferedImage(width, mapHeight + legendHeight, BufferedImage.TYPE_INT_RGB);
        var g = canvas(image);
        var scale = AffineTransform.getScaleInstance(width / boxWidth, mapHeight / boxHeight);
        g.setStroke(new BasicStroke(0.6f));
        for (var area : view.areas()) {
            var shape = scale.createTransformedShape(OUTLINES.computeIfAbsent(area.path(), ReportMapPaths::read));
            g.setColor(Color.decode(area.fill()));
            g.fill(shape);
            g.setColor(Color.WHITE);
            g.draw(shape);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        int y = mapHeight + 40;
        for (var c : view.legend()) {
            g.setColor(Color.decode(c.colour()));
            g.fill(new Rectangle2D.Double(20, y - 20, 40, 24));
            g.setColor(AXIS);
            g.draw(new Rectangle2D.Double(20, y - 20, 40, 24));
            g.drawString(c.lower() + " \u2013 " + c.upper(), 76, y);
            y += 36;
        }
        g.setColor(new Color(0xd9, 0xd9, 0xd9));
        g.fill(new Rectangle2D.Double(20, y - 20, 40, 24));
        g.setColor(AXIS);
        g.drawString(noFigure, 76, y);
        g.dispose();
        return dataUri(image);
    }

    private static Graphics2D canvas(BufferedImage image) {
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static String dataUri(BufferedImage image) {
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not encode a chart", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
