package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.notices.CitizenNotices;
import eu.selfdata.usecase.api.CitizenId;
import java.util.Optional;
import java.util.UUID;

/**
 * What the steps of one erasure need, read back from the journal at each run.
 *
 * @param confirmation the mail composed when the erasure was asked for, empty once sent (or when none is owed)
 */
public record ErasureRequest(
        UUID id, String city, CitizenId citizen, String subject, Optional<CitizenNotices.Mail> confirmation) {}
