package eu.selfdata.tenant.modules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Adding a module is its jar and one dependency line: the test module ({@code eu.selfdata.testmodule}) is
 * on the classpath like a jar, with its auto-configuration, changelog and bundle at the SPI's default
 * paths, and tenant-service has no line of its own for it. Its page, texts, purpose and indicator appear
 * in the cities that enable it.
 */
class AddedModuleTest extends SelfDataTest {

    @Test
    void theModulesPageTextsPurposeAndIndicatorAppearInACityThatEnablesIt() {
        String city = cityWithObservations("lille", "Lille");
        String camille = identities.citizenToken(city, person("camille"));
        observe(camille, city, "noise", 3);

        Document english = page(camille, city, "en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("My observations");
        assertThat(english.selectFirst("#observations-intro").text())
                .isEqualTo("What you observed in your city, kept for you alone.");
        assertThat(english.select("#my-observations tbody td").eachText()).containsExactly("noise", "3.000");
        assertThat(english.select("nav.menu a[href='/my/observations']").text()).isEqualTo("My observations");
        Document french = page(camille, city, "fr");
        assertThat(french.selectFirst("h1").text()).isEqualTo("Mes observations");
        assertThat(french.select("nav.menu a[href='/my/observations']").text()).isEqualTo("Mes observations");

        assertThat(ids(client.cityAs(camille, city, "GET", "/api/me/consents", null)
                        .json()))
                .contains(ObservationsModule.PURPOSE);
        assertThat(ids(client.cityAs(identities.cityAgentToken(city), city, "GET", "/api/city/indicators", null)
                        .json()))
                .contains(ObservationsModule.INDICATOR);
    }

    @Test
    void aCityThatDidNotEnableItSeesNeitherItsPageNorItsMenuEntry() {
        String city = onboard(freshSlug("roubaix"), "Roubaix");
        String lucie = identities.citizenToken(city, person("lucie"));

        ServiceClient.Response page = client.pageAs(lucie, city, "en", "/my/observations");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.problemType()).isEqualTo("module-not-enabled");
        assertThat(Jsoup.parse(client.pageAs(lucie, city, "en", "/my/profile").body())
                        .select("nav.menu a[href='/my/observations']"))
                .isEmpty();
        assertThat(ids(client.cityAs(lucie, city, "GET", "/api/me/consents", null)
                        .json()))
                .doesNotContain(ObservationsModule.PURPOSE);
    }

    private Document page(String token, String city, String language) {
        ServiceClient.Response response = client.pageAs(token, city, language, "/my/observations");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
