package eu.selfdata.tenant.modules;

import eu.selfdata.usecase.api.UseCaseModule;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The portal's texts: the host's bundle ({@code messages.properties} in English,
 * {@code messages_fr.properties}, and the notices' {@code messages/notices}) and the bundle of every module on the classpath
 * ({@link UseCaseModule#messageBundle()}), so that a module's jar brings its texts with no host edit.
 * No fallback to the server's locale: a language without its file reads the English one.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMessages {

    static final String HOST_BUNDLE = "messages";
    /** The notices' texts, in their own bundle so that no module's {@code messages.properties} shadows them. */
    static final String NOTICES_BUNDLE = "messages/notices";

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(HOST_BUNDLE, NOTICES_BUNDLE);
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** The modules' bundles join once the modules exist: the message source is needed before any other bean. */
    @Bean
    SmartInitializingSingleton moduleBundles(ResourceBundleMessageSource messageSource, ModuleCatalogue catalogue) {
        return () -> catalogue.all().stream()
                .map(UseCaseModule::messageBundle)
                .flatMap(Optional::stream)
                .forEach(messageSource::addBasenames);
    }
}
