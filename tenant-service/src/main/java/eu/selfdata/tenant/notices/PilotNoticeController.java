package eu.selfdata.tenant.notices;

import eu.selfdata.contract.ModuleId;
import eu.selfdata.tenant.citizen.CitizenAccounts;
import eu.selfdata.tenant.identity.PublicUrls;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.usecase.api.CitizenMail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinator API (governance's service account): tells a stopped pilot's panel members, by the identity
 * subjects governance knows them by, that the pilot stopped. Only subjects with an account in that city are
 * mailed; any other subject (a citizen of another city, an erased account) is skipped.
 */
@RestController
class PilotNoticeController {

    private final TenantRegistry registry;
    private final CitizenAccounts accounts;
    private final CitizenNotices notices;
    private final PublicUrls urls;

    PilotNoticeController(TenantRegistry registry, CitizenAccounts accounts, CitizenNotices notices, PublicUrls urls) {
        this.registry = registry;
        this.accounts = accounts;
        this.notices = notices;
        this.urls = urls;
    }

    record PilotStopped(
            @NotNull @Size(max = 10_000) List<@NotBlank @Size(max = 255) String> subjects,
            @NotBlank @Size(max = 200) String title,
            @NotNull @Pattern(regexp = ModuleId.REGEX) String module) {}

    /** @return how many panel members each outcome concerned, plus {@code NO_ACCOUNT} for subjects not of this city */
    @PostMapping("/platform/tenants/{slug}/notices/pilot-stopped")
    Map<String, Integer> pilotStopped(@PathVariable String slug, @Valid @RequestBody PilotStopped notice) {
        Tenant tenant = registry.onboarded(slug);
        Map<CitizenMail.Outcome, Integer> outcomes = new EnumMap<>(CitizenMail.Outcome.class);
        int[] noAccount = {0};
        TenantContext.run(
                tenant.id(),
                () -> notice.subjects().stream()
                        .distinct()
                        .forEach(subject -> accounts.find(subject)
                                .ifPresentOrElse(
                                        citizen -> outcomes.merge(
                                                notices.send(
                                                        citizen,
                                                        Notice.PILOT_STOPPED,
                                                        tenant.displayName(),
                                                        notice.title(),
                                                        notice.module(),
                                                        urls.page(tenant, "/my/profile")),
                                                1,
                                                Integer::sum),
                                        () -> noAccount[0]++)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome.name(), count));
        counts.put("NO_ACCOUNT", noAccount[0]);
        return counts;
    }
}
