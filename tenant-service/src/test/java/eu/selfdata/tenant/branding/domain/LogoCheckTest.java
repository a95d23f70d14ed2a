package eu.selfdata.tenant.branding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogoCheckTest {

    @Test
    void acceptsPngJpegAndWebpByTheirBytes() {
        assertThat(LogoCheck.imageType(bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0)))
                .contains("image/png");
        assertThat(LogoCheck.imageType(bytes(0xff, 0xd8, 0xff, 0xe0))).contains("image/jpeg");
        assertThat(LogoCheck.imageType(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P', 'V')))
                .contains("image/webp");
    }

    @Test
    void refusesSvgHtmlAndTruncatedFiles() {
        assertThat(LogoCheck.imageType("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LogoCheck.imageType("<html><body>logo</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LogoCheck.imageType(bytes(0x89, 'P', 'N'))).isEmpty();
        assertThat(LogoCheck.imageType(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E', 0)))
                .isEmpty();
        assertThat(LogoCheck.imageType(new byte[0])).isEmpty();
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
