package eu.selfdata.governance.costsharing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.governance.support.RunningTenantService;
import eu.selfdata.tenant.support.ServiceClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Periods, keys, statements and who may see and close them, over HTTP. */
class CostSharingApiTest extends GovernanceTest {

    private String lead;
    private String member;
    private UUID leadPartner;
    private UUID memberPartner;
    private UUID lab;
    private String period;

    @BeforeEach
    void consortium() {
        lead = freshSlug("lead");
        member = freshSlug("member");
        leadPartner = onboardCity(lead, "Lead city", 150_000);
        memberPartner = onboardCity(member, "Small town", 8_000);
        lab = nonCityPartner("RESEARCH_LAB", "Lab " + UUID.randomUUID());
        makeLead(leadPartner);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ServiceClient.Response opened = governance.platform(
                "POST",
                "/governance/periods",
                Map.of(
                        "name",
                        "Year " + UUID.randomUUID(),
                        "startsOn",
                        today.withDayOfYear(1).toString(),
                        "endsOn",
                        today.toString()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        period = opened.json().path("id").asString();
    }

    @Test
    void equalSharesOf100EurosAmongThreePartnersAre3334And3333And3333() {
        addLine(
                "infrastructure",
                "Hosting",
                100_00,
                Map.of("basis", "EQUAL", "partners", List.of(leadPartner, memberPartner, lab)));

        JsonNode allocation = governance
                .platform("GET", "/governance/periods/" + period + "/allocation", null)
                .json();

        assertThat(allocation
                        .path("lines")
                        .get(0)
                        .path("allocations")
                        .valueStream()
                        .map(a -> a.path("cents").asLong())
                        .toList())
                .containsExactly(33_34L, 33_33L, 33_33L);
    }

    @Test
    void populationKeyWithSolidarityAndAFloorSumsToTheLine() {
        addLine(
                "development",
                "Modules",
                1_000_00,
                Map.of(
                        "basis",
                        "POPULATION",
                        "partners",
                        List.of(leadPartner, memberPartner, lab),
                        "solidarity",
                        Map.of("populationBelow", 20_000, "coefficient", 0.5),
                        "floorsCents",
                        Map.of(lab.toString(), 50_00)));

        JsonNode line = governance
                .platform("GET", "/governance/periods/" + period + "/allocation", null)
                .json()
                .path("lines")
                .get(0);
        Map<String, Long> cents = new java.util.HashMap<>();
        line.path("allocations")
                .valueStream()
                .forEach(a -> cents.put(
                        a.path("partnerId").asString(), a.path("cents").asLong()));

        assertThat(cents.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_00);
        assertThat(cents.get(lab.toString())).isEqualTo(50_00);
        // 950.00 by population, the small town weighing half: 150000 : 4000
        assertThat(cents.get(memberPartner.toString())).isEqualTo(24_68);
        assertThat(cents.get(leadPartner.toString())).isEqualTo(925_32);
    }

    @Test
    void usageKeyUsesWhatTenantServiceMeteredForEachCity() {
        // only authenticated API calls are metered: anonymous floods cannot shift costs onto a city
        String memberCitizen = identities.citizenToken(member);
        for (int i = 0; i < 3; i++) {
            tenantService.cityAs(memberCitizen, member, "GET", "/api/announcements", null);
            tenantService.city(member, "GET", "/api/announcements", null);
        }
        tenantService.cityAs(identities.citizenToken(lead), lead, "GET", "/api/announcements", null);
        addLine(
                "infrastructure",
                "API gateway",
                400_00,
                Map.of("basis", "API_CALLS", "partners", List.of(leadPartner, memberPartner)));

        ServiceClient.Response metered =
                governance.platform("POST", "/governance/periods/" + period + "/usage/refresh", null);
        assertThat(metered.status()).as(metered.body()).isEqualTo(200);
        assertThat(metered.json().path(member).path("apiCalls").asLong()).isEqualTo(3);

        JsonNode statement = governance
                .platformAs(
                        identities.cityAdminToken(member),
                        "GET",
                        "/governance/periods/" + period + "/statements/" + memberPartner,
                        null)
                .json();
        assertThat(statement.path("totalCents").asLong()).isEqualTo(300_00);
    }

    @Test
    void infeasibleFloorsAreAClearProblem() {
        addLine(
                "legal",
                "Counsel",
                100_00,
                Map.of(
                        "basis",
                        "EQUAL",
                        "partners",
                        List.of(leadPartner, memberPartner),
                        "floorsCents",
                        Map.of(leadPartner.toString(), 80_00, memberPartner.toString(), 80_00)));

        ServiceClient.Response allocation =
                governance.platform("GET", "/governance/periods/" + period + "/allocation", null);

        assertThat(allocation.status()).isEqualTo(422);
        assertThat(allocation.problemType()).isEqualTo("infeasible-allocation");
        assertThat(allocation.json().path("detail").asString())
                .contains("Counsel", "floors add up to 160.00", "100.00");
    }

    @Test
    void onlyTheLeadCoordinatorClosesAPeriodAndThenItsKeysAreFinal() {
        String line = addLine(
                "infrastructure",
                "Hosting",
                90_00,
                Map.of("basis", "EQUAL", "partners", List.of(leadPartner, memberPartner, lab)));
        String close = "/governance/periods/" + period + "/close";

        assertThat(governance.platform("POST", close, null).status())
                .as("a platform coordinator who is not the lead")
                .isEqualTo(403);
        assertThat(governance
                        .platformAs(identities.cityAdminToken(member), "POST", close, null)
                        .status())
                .isEqualTo(403);
        assertThat(governance
                        .cityAs(identities.cityAdminToken(member), member, "POST", close, null)
                        .status())
                .isEqualTo(403);
        assertThat(governance
                        .cityAs(identities.cityAdminToken(member), lead, "POST", close, null)
                        .status())
                .isEqualTo(403);
        // the lead city's admin, on the city's own host
        ServiceClient.Response closed = governance.cityAs(identities.cityAdminToken(lead), lead, "POST", close, null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("closed").asBoolean()).isTrue();

        ServiceClient.Response keyChange = governance.platform(
                "PUT", "/governance/periods/" + period + "/lines/" + line + "/key", Map.of("basis", "POPULATION"));
        ServiceClient.Response newLine = governance.platform(
                "POST",
                "/governance/periods/" + period + "/lines",
                Map.of("category", "legal", "label", "Late", "amountCents", 1, "key", Map.of("basis", "EQUAL")));
        assertThat(keyChange.status()).isEqualTo(409);
        assertThat(keyChange.problemType()).isEqualTo("period-closed");
        assertThat(newLine.status()).isEqualTo(409);
        assertThat(governance
                        .platform("GET", "/governance/periods/" + period + "/allocation", null)
                        .json()
                        .path("lines")
                        .get(0)
                        .path("line")
                        .path("key")
                        .path("basis")
                        .asString())
                .isEqualTo("EQUAL");
        assertThat(governance
                        .platform("GET", "/governance/periods/" + period + "/statements/" + lab, null)
                        .json()
                        .path("totalCents")
                        .asLong())
                .isEqualTo(30_00);
    }

    @Test
    void aCityAdminSeesItsOwnStatementAndOthersOnlyOncePublished() {
        addLine(
                "infrastructure",
                "Hosting",
                100_00,
                Map.of("basis", "EQUAL", "partners", List.of(leadPartner, memberPartner, lab)));
        String memberAdmin = identities.cityAdminToken(member);
        String own = "/governance/periods/" + period + "/statements/" + memberPartner;
        String leads = "/governance/periods/" + period + "/statements/" + leadPartner;

        assertThat(governance
                        .platformAs(memberAdmin, "GET", own, null)
                        .json()
                        .path("totalCents")
                        .asLong())
                .isEqualTo(33_33);
        ServiceClient.Response othersBefore = governance.platformAs(memberAdmin, "GET", leads, null);
        ServiceClient.Response allocationBefore =
                governance.platformAs(memberAdmin, "GET", "/governance/periods/" + period + "/allocation", null);
        ServiceClient.Response ownWithOtherCitysToken =
                governance.cityAs(identities.cityAdminToken(lead), member, "GET", own, null);
        assertThat(othersBefore.status()).isEqualTo(403);
        assertThat(allocationBefore.status()).isEqualTo(403);
        assertThat(ownWithOtherCitysToken.status()).isEqualTo(403);
        assertThat(ownWithOtherCitysToken.problemType()).isEqualTo("wrong-city");

        assertThat(governance
                        .platformAs(
                                identities.cityAdminToken(lead),
                                "POST",
                                "/governance/periods/" + period + "/publish",
                                null)
                        .status())
                .isEqualTo(200);

        ServiceClient.Response othersAfter = governance.platformAs(memberAdmin, "GET", leads, null);
        assertThat(othersAfter.status()).isEqualTo(200);
        assertThat(othersAfter.json().path("totalCents").asLong()).isEqualTo(33_34);
    }

    @Test
    void statementsComeAsJsonCsvAndAPrintablePage() {
        addLine(
                "digital-mediation",
                "Helpers, \"the\" team",
                100_00,
                Map.of("basis", "EQUAL", "partners", List.of(leadPartner, memberPartner, lab)));
        String path = "/governance/periods/" + period + "/statements/" + leadPartner;
        String token = identities.cityAdminToken(lead);

        ServiceClient.Response csv = governance.raw(
                "GET",
                path,
                "Accept",
                "text/csv",
                "Authorization",
                "Bearer " + token,
                "X-Tenant-Signature",
                RunningTenantService.shared().signature().sign(""));
        ServiceClient.Response html = governance.raw(
                "GET",
                path,
                "Accept",
                "text/html",
                "Authorization",
                "Bearer " + token,
                "X-Tenant-Signature",
                RunningTenantService.shared().signature().sign(""));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("period,partner,category,label,key,line_amount_eur,share_eur\r\n")
                .contains("\"digital-mediation\",\"Helpers, \"\"the\"\" team\",\"equal shares\",100.00,33.34\r\n")
                .endsWith(",\"total\",\"\",\"\",,33.34\r\n");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body())
                .contains("Lead city", "Helpers, &quot;the&quot; team", "33.34", "@media print", "Provisional");
    }

    private String addLine(String category, String label, long amountCents, Map<String, Object> key) {
        ServiceClient.Response added = governance.platform(
                "POST",
                "/governance/periods/" + period + "/lines",
                Map.of("category", category, "label", label, "amountCents", amountCents, "key", key));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }
}
