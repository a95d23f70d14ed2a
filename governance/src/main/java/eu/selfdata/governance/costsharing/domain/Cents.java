package eu.selfdata.governance.costsharing.domain;

import java.math.BigDecimal;

/** Money is kept in integer cents; this is how it is written for people. */
public final class Cents {

    private Cents() {}

    /** 3334 → "33.34" */
    public static String format(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
