package vn.bantin.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * A made-up signature and seal, drawn with Java2D on a transparent background, for the tests and the sample config
 * (config/images). Both say "MẪU" (sample) so that nobody mistakes them for real ones.
 * {@code java -cp target/test-classes:target/classes:… vn.bantin.report.SampleMarks DIR} writes them again.
 */
public final class SampleMarks {
    private static final Color INK = new Color(0x1f, 0x3a, 0x93);
    private static final Color SEAL_RED = new Color(0xd0, 0x1c, 0x1c, 0xd8);

    private SampleMarks() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "config/images");
        Files.createDirectories(dir);
        signature(dir.resolve("chu-ky-mau.png"));
        seal(dir.resolve("con-dau-mau.png"), "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "TỈNH BẮC NINH");
        seal(dir.resolve("con-dau-mau-2022.png"), "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "TỈNH BẮC NINH");
    }

    /** A signature's flourish in blue ink, 600×340 px. */
    public static Path signature(Path file) throws IOException {
        BufferedImage image = new BufferedImage(600, 340, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(INK);
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D stroke = new Path2D.Double();
        stroke.moveTo(60, 230);
        stroke.curveTo(110, 60, 170, 40, 180, 150);
        stroke.curveTo(190, 260, 120, 280, 150, 200);
        stroke.curveTo(190, 100, 260, 110, 250, 210);
        stroke.curveTo(245, 260, 300, 120, 340, 160);
        stroke.curveTo(380, 200, 350, 250, 400, 190);
        stroke.curveTo(440, 140, 470, 150, 540, 120);
        g.draw(stroke);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Double(90, 270, 250, 240, 380, 300, 560, 230));
        g.setFont(font(Font.ITALIC, 34f));
        g.drawString("MẪU", 470, 300);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A round red seal, 600×600 px: the agency round the rim, a star in the middle, and "MẪU". */
    public static Path seal(Path file, String agency, String place) throws IOException {
        int size = 600;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(SEAL_RED);
        g.setStroke(new BasicStroke(14f));
        g.drawOval(12, 12, size - 24, size - 24);
        g.setStroke(new BasicStroke(5f));
        g.drawOval(120, 120, size - 240, size - 240);
        String rim = agency + " • " + place + " • ";
        Font font = font(Font.BOLD, 44f);
        g.setFont(font);
        double radius = 225;
        double step = 2 * Math.PI / rim.length();
        for (int i = 0; i < rim.length(); i++) {
            double angle = -Math.PI / 2 + i * step;
            AffineTransform at = new AffineTransform();
            at.translate(size / 2.0 + radius * Math.cos(angle), size / 2.0 + radius * Math.sin(angle));
            at.rotate(angle + Math.PI / 2);
            g.setTransform(at);
            String c = String.valueOf(rim.charAt(i));
            g.drawString(c, -g.getFontMetrics().stringWidth(c) / 2f, 16);
        }
        g.setTransform(new AffineTransform());
        g.fill(star(size / 2.0, size / 2.0 - 40, 70, 28));
        g.setFont(font(Font.BOLD, 64f));
        String sample = "MẪU";
        g.drawString(sample, (size - g.getFontMetrics().stringWidth(sample)) / 2f, size / 2f + 110);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            } else {
                star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        star.closePath();
        return star;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Liberation Serif from the class path, so the Vietnamese of the rim draws on any machine. */
    private static Font font(int style, float size) {
        String face = style == Font.BOLD ? "LiberationSerif-Bold" : "LiberationSerif-Italic";
        try (InputStream in = SampleMarks.class.getClassLoader().getResourceAsStream("liberation/" + face + ".ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (FontFormatException e) {
            throw new IllegalStateException(face + " is not a TrueType font", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
