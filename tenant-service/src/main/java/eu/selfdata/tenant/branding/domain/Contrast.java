package eu.selfdata.tenant.branding.domain;

/** WCAG 2.1 contrast ratio of two sRGB colours written #rrggbb (1 to 21; AA for body text needs 4.5). */
public record Contrast(double ratio) {

    public static final double AA_NORMAL_TEXT = 4.5;

    public static Contrast between(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return new Contrast((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
    }

    public boolean meetsAa() {
        return ratio >= AA_NORMAL_TEXT;
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
