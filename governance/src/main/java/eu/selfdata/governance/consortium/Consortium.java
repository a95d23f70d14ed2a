package eu.selfdata.governance.consortium;

import eu.selfdata.governance.audit.AuditTrail;
import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;
import eu.selfdata.governance.tenantservice.CityRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Joining and leaving the consortium; city partners follow the tenant registry. */
@Component
public class Consortium {

    private static final Logger log = LoggerFactory.getLogger(Consortium.class);
    private static final String SYNC_ACTOR = "tenant-registry";
    private static final Set<String> SERVED = Set.of("ACTIVE", "SUSPENDED");

    private final Partners partners;
    private final Roles roles;
    private final AuditTrail audit;

    Consortium(Partners partners, Roles roles, AuditTrail audit) {
        this.partners = partners;
        this.roles = roles;
        this.audit = audit;
    }

    @Transactional
    public Partner join(String actor, PartnerKind kind, String name) {
        if (kind == PartnerKind.CITY) {
            throw GovernanceException.invalid("Cities join by being onboarded on the platform");
        }
        Partner partner = new Partner(UUID.randomUUID(), kind, name, null, null, null, null);
        partners.insert(partner);
        partners.startMembership(partner.id());
        Partner joined = partners.get(partner.id());
        audit.record(actor, "PARTNER_JOINED", "partner", partner.id(), null, joined);
        return joined;
    }

    @Transactional
    public void addRepresentative(String actor, UUID partnerId, String subject) {
        Partner partner = partners.get(partnerId);
        if (partner.isCity()) {
            throw GovernanceException.invalid("A city is represented by its city admins");
        }
        partners.addRepresentative(partnerId, subject);
        audit.record(actor, "REPRESENTATIVE_ADDED", "partner", partnerId, null, Map.of("subject", subject));
    }

    @Transactional
    public Partner leave(String actor, UUID partnerId) {
        Partner before = partners.get(partnerId);
        if (roles.lead().filter(partnerId::equals).isPresent()) {
            throw new GovernanceException(
                    ProblemType.LEAD_HANDOVER_REQUIRED, "Hand the lead over before leaving the consortium");
        }
        if (!partners.endMembership(partnerId)) {
            throw new GovernanceException(ProblemType.STATE_CONFLICT, before.name() + " is not a member");
        }
        roles.releaseAllButLead(actor, partnerId);
        Partner after = partners.get(partnerId);
        audit.record(actor, "PARTNER_LEFT", "partner", partnerId, before, after);
        return after;
    }

    /** Onboarded cities become partners, offboarded ones leave; names and populations follow the registry. */
    @Transactional
    public void syncCities(List<CityRecord> cities) {
        for (CityRecord city : cities) {
            var known = partners.city(city.slug());
            if (known.isEmpty() && SERVED.contains(city.status())) {
                Partner partner = new Partner(
                        UUID.randomUUID(),
                        PartnerKind.CITY,
                        city.displayName(),
                        city.slug(),
                        city.population(),
                        null,
                        null);
                partners.insert(partner);
                partners.startMembership(partner.id());
                audit.record(SYNC_ACTOR, "PARTNER_JOINED", "partner", partner.id(), null, partners.get(partner.id()));
            } else if (known.isPresent()) {
                Partner partner = known.get();
                if (!partner.name().equals(city.displayName())
                        || !Integer.valueOf(city.population()).equals(partner.population())) {
                    partners.update(partner.id(), city.displayName(), city.population());
                    audit.record(
                            SYNC_ACTOR,
                            "PARTNER_UPDATED",
                            "partner",
                            partner.id(),
                            partner,
                            partners.get(partner.id()));
                }
                if ("OFFBOARDED".equals(city.status()) && partner.isMember()) {
                    endCityMembership(partner);
                } else if (SERVED.contains(city.status()) && !partner.isMember()) {
                    partners.startMembership(partner.id());
                    audit.record(
                            SYNC_ACTOR,
                            "PARTNER_REJOINED",
                            "partner",
                            partner.id(),
                            partner,
                            partners.get(partner.id()));
                }
            }
        }
    }

    private void endCityMembership(Partner partner) {
        partners.endMembership(partner.id());
        roles.releaseAllButLead(SYNC_ACTOR, partner.id());
        if (roles.lead().filter(partner.id()::equals).isPresent()) {
            log.warn(
                    "{} left the platform while lead coordinator: the consortium must transfer the lead",
                    partner.name());
        }
        audit.record(SYNC_ACTOR, "PARTNER_LEFT", "partner", partner.id(), partner, partners.get(partner.id()));
    }
}
