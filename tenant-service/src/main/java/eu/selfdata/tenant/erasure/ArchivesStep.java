package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.backup.ArchiveForgetting;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The city's backups and archives: rewritten without the citizen, so a restore never brings them back.
 * Their address is among what is looked for while the confirmation mail still holds it.
 */
@Component
class ArchivesStep implements ErasureStep {

    private final ArchiveForgetting archives;

    ArchivesStep(ArchiveForgetting archives) {
        this.archives = archives;
    }

    @Override
    public String name() {
        return "archives";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public void execute(ErasureRequest request) {
        Set<String> needles = new LinkedHashSet<>();
        needles.add(request.citizen().value().toString());
        needles.add(request.subject());
        request.confirmation().ifPresent(mail -> needles.add(mail.address()));
        archives.forget(request.city(), needles);
    }
}
