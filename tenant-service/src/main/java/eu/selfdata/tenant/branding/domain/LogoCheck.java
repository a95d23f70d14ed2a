package eu.selfdata.tenant.branding.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Accepts a logo only when its bytes are a PNG, JPEG or WebP image of at most {@link #MAX_BYTES}.
 * The type comes from the file's magic number, never from its name or the browser's claim, so an SVG
 * (which may carry script) or an HTML page renamed logo.png is refused.
 */
public final class LogoCheck {

    public static final int MAX_BYTES = 512 * 1024;

    private LogoCheck() {}

    /** The image's content type, or empty when the bytes are not an accepted image. */
    public static Optional<String> imageType(byte[] content) {
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of("image/png");
        }
        if (starts(content, 0xff, 0xd8, 0xff)) {
            return Optional.of("image/jpeg");
        }
        if (content.length > 12
                && starts(content, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(content, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
