package eu.selfdata.launcher;

import java.security.SecureRandom;
import java.util.Base64;

/** The secret the gateway signs tenant headers with; a new one each run. */
record GatewaySecret(String value) {

    static GatewaySecret random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new GatewaySecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "GatewaySecret[redacted]";
    }
}
