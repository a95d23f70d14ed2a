package eu.selfdata.tenant.branding;

import eu.selfdata.tenant.tenancy.TenantContext;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city's uploaded logo, public; its URL carries a version so it can be cached. */
@RestController
class LogoController {

    private final CityBranding branding;

    LogoController(CityBranding branding) {
        this.branding = branding;
    }

    @GetMapping("/branding/logo")
    ResponseEntity<byte[]> logo() {
        return branding.logo(TenantContext.require().slug())
                .map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                        .header("X-Content-Type-Options", "nosniff")
                        .body(logo.content()))
                .orElse(ResponseEntity.notFound().build());
    }
}
