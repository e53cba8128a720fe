package nl.doorstroom.system;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Dutch by default; the language switch ({@code ?lang=en}) is remembered in a cookie. The API
 * follows the client's Accept-Language instead.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * The webjars locator turns on Spring's resource chain, which would also register a filter that
     * looks every link of every page up on the classpath (to add content hashes we do not use): on a
     * page with hundreds of links that was most of its cost, and the overview served a fifth of what it
     * serves without. Registering the filter disabled keeps it out; versionless {@code /webjars/...}
     * paths still resolve when the browser asks for them.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        var pages = new CookieLocaleResolver("doorstroom-lang");
        pages.setDefaultLocale(ApiLocale.DUTCH);
        pages.setCookieMaxAge(Duration.ofDays(365));
        return new LocaleResolver() {
            @Override
            public java.util.Locale resolveLocale(HttpServletRequest request) {
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    return ApiLocale.of(request);
                }
                // Only the two languages there are: anything else in the cookie (which the client
                // controls) would otherwise become a new key in the page caches.
                return "en".equals(pages.resolveLocale(request).getLanguage()) ? java.util.Locale.ENGLISH
                        : ApiLocale.DUTCH;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, java.util.Locale locale) {
                var supported = locale != null && (locale.getLanguage().equals("nl") || locale.getLanguage().equals("en"));
                pages.setLocale(request, response, supported ? java.util.Locale.forLanguageTag(locale.getLanguage()) : null);
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
