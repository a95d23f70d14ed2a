package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.notices.CitizenNotices;
import org.springframework.stereotype.Component;

/**
 * The confirmation the citizen is owed (art. 12(3)), composed when they asked, mailed once everything is gone,
 * whatever their notice settings; no access log keeps it, since the log's entries left with the data.
 */
@Component
class ConfirmationStep implements ErasureStep {

    private final CitizenNotices notices;
    private final ErasureJournal journal;

    ConfirmationStep(CitizenNotices notices, ErasureJournal journal) {
        this.notices = notices;
        this.journal = journal;
    }

    @Override
    public String name() {
        return "confirmation-mail";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void execute(ErasureRequest request) {
        if (request.confirmation().isPresent() && notices.canDeliver()) {
            if (!notices.deliver(request.confirmation().get())) {
                throw new IllegalStateException("the mail server did not take the confirmation");
            }
        }
        journal.confirmationSent(request.id());
    }
}
