package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.costsharing.domain.Cents;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What one partner owes for one period, line by line. Final once the period is closed. */
public record Statement(
        UUID periodId,
        String period,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean closed,
        UUID partnerId,
        String partner,
        List<Line> lines,
        long totalCents) {

    public record Line(String category, String label, long lineAmountCents, String key, long shareCents) {

        public String lineAmount() {
            return Cents.format(lineAmountCents);
        }

        public String share() {
            return Cents.format(shareCents);
        }
    }

    public String total() {
        return Cents.format(totalCents);
    }
}
