package eu.selfdata.waste.bin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A bin's activation code, as the operator's file delivers it and the household types it in: 6 to 32 letters and
 * digits, spaces and dashes ignored, case ignored. Only its hash with the bin's id is stored, so the stored value
 * proves nothing for another bin and gives the code to no one who reads the table.
 */
public record ActivationCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{6,32}");

    public ActivationCode {
        value = value == null ? "" : value.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an activation code is 6 to 32 letters or digits (spaces and dashes ignored)");
        }
    }

    /** SHA-256 of the bin id and the code, in hex. */
    public String hashFor(String binId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((binId + "\n" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ActivationCode[***]";
    }
}
