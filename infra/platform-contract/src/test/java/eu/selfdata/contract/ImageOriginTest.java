package eu.selfdata.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageOriginTest {

    @Test
    void aTileTemplateGivesItsHttpsOrigin() {
        assertThat(ImageOrigin.of("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .map(ImageOrigin::value)
                .hasValue("https://tile.openstreetmap.org");
        assertThat(ImageOrigin.of("https://Data.GeoPF.fr:8443/wmts?LAYER=PLAN&TILEMATRIX={z}&TILECOL={x}&TILEROW={y}"))
                .map(ImageOrigin::value)
                .hasValue("https://data.geopf.fr:8443");
    }

    @Test
    void nothingButAPublicHttpsNameIsAnOrigin() {
        for (String url : new String[] {
            "http://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "https://127.0.0.1/{z}/{x}/{y}.png",
            "https://[::1]/{z}/{x}/{y}.png",
            "https://localhost/{z}/{x}/{y}.png",
            "https://user:pw@tiles.example.org/{z}",
            "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
            "javascript:alert(1)",
            "https://tiles.example.org:0/",
            "//tiles.example.org/x"
        }) {
            assertThat(ImageOrigin.of(url)).as(url).isEmpty();
        }
        for (String origin : new String[] {
            "https://tiles.example.org; script-src *",
            "https://tiles.example.org/",
            "https://a..org",
            "https://tiles.example.org 'self'",
            "HTTPS://tiles.example.org",
            ""
        }) {
            assertThat(ImageOrigin.parse(origin)).as(origin).isEmpty();
        }
    }
}
