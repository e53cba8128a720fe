package nl.doorstroom.system;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.LoginThrottle;
import nl.doorstroom.identity.Role;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.coordination.Coordinators;
import nl.doorstroom.matching.LinkingRuns;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.LinkCancelReasons;
import nl.doorstroom.progress.AssessmentPolicy;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.quota.Indicators;
import nl.doorstroom.quota.Mergers;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.reception.ReceptionTasks;
import nl.doorstroom.reception.Receptions;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.supervision.Supervisors;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what. Pages use a session (form login, CSRF on every form); the API under
 * {@code /api/v1} uses tokens an administrator issues, without session or cookies. Both apply the
 * same roles, and scoped data is filtered by the user's scope in the modules themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String API_VERSION = "1.0.0";

    private static final String[] IMPORTERS = roles(Role.IMPORTERS_OF_REFERENCE_DATA);
    private static final String[] REGION_EDITORS = roles(Role.REGION_EDITORS);

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Password login with the throttle in front of the password check: a blocked username is refused
     * without checking (or counting) its password, and every admitted attempt is counted first.
     */
    @Bean
    DaoAuthenticationProvider passwordLogin(UserDetailsService accounts, PasswordEncoder passwords,
            LoginThrottle throttle) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {
            if (!throttle.admit(user.getUsername())) {
                throw new LockedException("Too many failed logins; try again later");
            }
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
        return provider;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, MessageSource messages) throws Exception {
        var json = JsonMapper.builder().build();
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // no cookies are accepted here: a token in a header cannot be forged cross-site
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, json, messages), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(json, messages, request, response,
                                HttpStatus.UNAUTHORIZED, "api.unauthenticated"))
                        .accessDeniedHandler((request, response, ex) -> problem(json, messages, request, response,
                                HttpStatus.FORBIDDEN, "api.forbidden")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/population-versions").hasAnyRole(IMPORTERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/regions").hasAnyRole(REGION_EDITORS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/regions/*").hasAnyRole(REGION_EDITORS)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/regions/*").hasAnyRole(REGION_EDITORS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/quota-periods/*/national-totals",
                                "/api/v1/quota-periods/*/calculations").hasAnyRole(roles(NationalTotals.EDITORS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/quota-transfers").hasAnyRole(roles(QuotaTransfers.RECORDERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/mergers").hasAnyRole(roles(Mergers.RECORDERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/indicator-versions").hasAnyRole(roles(Indicators.IMPORTERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/realisation-imports").hasAnyRole(roles(Realisation.IMPORTERS))
                        // Households are personal data: only the roles that see them in their scope (the register
                        // narrows each to its scope); the counts below are open to every signed-in role.
                        .requestMatchers(HttpMethod.GET, "/api/v1/households", "/api/v1/households/*")
                                .hasAnyRole(roles(HouseholdRegister.READERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/households", "/api/v1/household-imports")
                                .hasAnyRole(roles(HouseholdRegister.REGISTRARS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/households/*").hasAnyRole(roles(HouseholdRegister.REGISTRARS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/households/*/links",
                                "/api/v1/households/*/link-cancellations").hasAnyRole(roles(Journeys.LINKERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/households/*/offers",
                                "/api/v1/households/*/har-placements", "/api/v1/households/*/moves")
                                .hasAnyRole(roles(Journeys.RECORDERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/link-cancel-reasons").hasAnyRole(roles(LinkCancelReasons.KEEPERS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/link-cancel-reasons/*").hasAnyRole(roles(LinkCancelReasons.KEEPERS))
                        // The coordination centre: coordinators (and COA) record, readers read, a municipality its commitments.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/call-policy").hasAnyRole(roles(Coordinators.POLICY_KEEPERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/call-list/set-asides", "/api/v1/contacts",
                                "/api/v1/commitments/*/decisions", "/api/v1/follow-ups/*/completions")
                                .hasAnyRole(roles(Coordinators.COORDINATORS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/contacts/*").hasAnyRole(roles(Coordinators.COORDINATORS))
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/call-list/set-asides/*")
                                .hasAnyRole(roles(Coordinators.COORDINATORS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/follow-ups").hasAnyRole(roles(Coordinators.COORDINATORS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/call-list", "/api/v1/call-policy", "/api/v1/contacts",
                                "/api/v1/contacts/*", "/api/v1/weekly-extra-places", "/api/v1/whole-picture")
                                .hasAnyRole(roles(Coordinators.READERS))
                        // Linking runs name households: COA and national coordination read, COA planners decide.
                        .requestMatchers(HttpMethod.GET, "/api/v1/linking-runs", "/api/v1/linking-runs/**")
                                .hasAnyRole(roles(LinkingRuns.READERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/linking-runs", "/api/v1/linking-runs/*/*")
                                .hasAnyRole(roles(Journeys.LINKERS))
                        // Temporary sites name a contact person: the roles that see sites (the inventory narrows each
                        // to its scope); a ministry analyst reads, the others that see them also change them.
                        .requestMatchers(HttpMethod.GET, "/api/v1/sites", "/api/v1/sites/**")
                                .hasAnyRole(roles(SiteInventory.READERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/sites", "/api/v1/sites/*/status-changes",
                                "/api/v1/site-imports").hasAnyRole(roles(SiteInventory.EDITORS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/sites/*").hasAnyRole(roles(SiteInventory.EDITORS))
                        // Supervision (issue 7): the province's supervisors (and administrators) assess, keep the ladder
                        // and move cases, the ministry or the province records the minister's request, readers read;
                        // the facades narrow each to its province or municipality.
                        .requestMatchers(HttpMethod.POST, "/api/v1/escalation-cases/*/minister-requests")
                                .hasAnyRole(roles(Supervisors.MINISTER_REQUESTERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/escalation-cases", "/api/v1/escalation-cases/*/steps",
                                "/api/v1/escalation-cases/*/closure", "/api/v1/escalation-cases/*/course-of-action",
                                "/api/v1/escalation-cases/*/costs", "/api/v1/escalation-cases/*/documents",
                                "/api/v1/escalation-cases/*/documents/*/publication")
                                .hasAnyRole(roles(Supervisors.SUPERVISORS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/assessments/*/*", "/api/v1/escalation-ladders/*")
                                .hasAnyRole(roles(Supervisors.SUPERVISORS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/assessment-periods", "/api/v1/assessments",
                                "/api/v1/municipalities/*/assessments", "/api/v1/escalation-ladders",
                                "/api/v1/escalation-ladders/*", "/api/v1/escalation-cases", "/api/v1/escalation-cases/**",
                                "/api/v1/escalation-overdue", "/api/v1/supervision-dashboard")
                                .hasAnyRole(roles(Supervisors.READERS))
                        // Reception (issue 8): tasks, places and Ukrainians
                        .requestMatchers(HttpMethod.POST, "/api/v1/reception-task-totals",
                                "/api/v1/reception-task-calculations").hasAnyRole(roles(ReceptionTasks.SETTERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/municipal-reception-imports",
                                "/api/v1/ukrainian-reception-imports").hasAnyRole(roles(ReceptionTasks.IMPORTERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/reception-task-totals",
                                "/api/v1/reception-task-calculations", "/api/v1/reception-tasks")
                                .hasAnyRole(roles(ReceptionTasks.READERS))
                        // Forecasts: analysts, the coordination centre and COA make and run scenarios; every role reads.
                        .requestMatchers(HttpMethod.POST, "/api/v1/forecast-scenarios", "/api/v1/forecast-runs",
                                "/api/v1/forecast-runs/*/cancellation")
                                .hasAnyRole(roles(nl.doorstroom.forecasting.Forecasters.FORECASTERS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/forecast-scenarios/*")
                                .hasAnyRole(roles(nl.doorstroom.forecasting.Forecasters.FORECASTERS))
                        // Reception (issue 8): locations and occupancy. COA planners keep locations and import figures,
                        // national coordinators set the Ter Apel norm, readers read; the facade narrows locations to scope.
                        .requestMatchers(HttpMethod.GET, "/api/v1/reception-locations", "/api/v1/reception-locations/*",
                                "/api/v1/reception-occupancy", "/api/v1/occupancy-imports", "/api/v1/reception-norms")
                                .hasAnyRole(roles(Receptions.READERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/reception-locations", "/api/v1/occupancy-imports")
                                .hasAnyRole(roles(Receptions.PLANNERS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reception-locations/*").hasAnyRole(roles(Receptions.PLANNERS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reception-norms/ter-apel").hasAnyRole(roles(Receptions.NORM_KEEPERS))
                        // Housing market (issue 9): every role reads (the facade narrows to scope); coordinators and
                        // administrators keep every corporation, a corporation its own figures (checked by the facade).
                        .requestMatchers(HttpMethod.POST, "/api/v1/housing-corporations")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.KEEPERS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/housing-corporations/*/market-figures/*/*")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.CHANGERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/housing-corporations/*/market-figures/imports")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.CHANGERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/housing-corporations", "/api/v1/housing-corporations/**",
                                "/api/v1/market-figures")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.READERS))
                        // The table's meetings and action items (issue 10): the chair's side records and edits; an
                        // owner changes its own items' status (the facade checks whose); every role reads its part.
                        .requestMatchers(HttpMethod.POST, "/api/v1/meetings", "/api/v1/meetings/*/action-items")
                                .hasAnyRole(roles(nl.doorstroom.governance.TableMembers.EDITORS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/meetings/*", "/api/v1/action-items/*")
                                .hasAnyRole(roles(nl.doorstroom.governance.TableMembers.EDITORS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/action-items/*/status").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/weekly-reports")
                                .hasAnyRole(roles(nl.doorstroom.governance.WeeklyReports.GENERATORS))
                        // Background reports and letter batches: the facade checks the job's kind and owner.
                        .requestMatchers(HttpMethod.POST, "/api/v1/governance-jobs/*/cancellation")
                                .hasAnyRole(roles(nl.doorstroom.governance.GovernanceJobs.ROLES))
                        // A what-if run computes and stores nothing: every signed-in role may ask.
                        .requestMatchers(HttpMethod.POST, "/api/v1/what-if-runs").authenticated()
                        // Allocation-share scenarios (issue 9): the facade narrows each author to its scope.
                        .requestMatchers(HttpMethod.POST, "/api/v1/allocation-scenarios")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.SimulationAccess.AUTHORS))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/allocation-scenarios/*")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.SimulationAccess.AUTHORS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, AuditTrail audit) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico").permitAll()
                        .requestMatchers("/login", "/error", "/actuator/health/**", "/ping").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/population-versions/import").hasAnyRole(IMPORTERS)
                        .requestMatchers("/regions/new", "/regions/*/edit", "/regions/*/delete").hasAnyRole(REGION_EDITORS)
                        .requestMatchers(HttpMethod.POST, "/progress/import").hasAnyRole(roles(Realisation.IMPORTERS))
                        .requestMatchers(HttpMethod.POST, "/progress/provinces/*/thresholds",
                                "/progress/municipalities/*/excuses").hasAnyRole(roles(AssessmentPolicy.ASSESSORS))
                        .requestMatchers(HttpMethod.POST, "/quota/national-totals", "/quota/calculations")
                                .hasAnyRole(roles(NationalTotals.EDITORS))
                        .requestMatchers(HttpMethod.POST, "/quota/transfers").hasAnyRole(roles(QuotaTransfers.RECORDERS))
                        .requestMatchers(HttpMethod.POST, "/quota/mergers").hasAnyRole(roles(Mergers.RECORDERS))
                        .requestMatchers(HttpMethod.POST, "/quota/indicators").hasAnyRole(roles(Indicators.IMPORTERS))
                        // Households: the facades check scope (which households) on top of these roles.
                        .requestMatchers(HttpMethod.POST, "/households/cancel-reasons", "/households/cancel-reasons/*/*")
                                .hasAnyRole(roles(LinkCancelReasons.KEEPERS))
                        .requestMatchers(HttpMethod.POST, "/households/*/link", "/households/*/cancel-link")
                                .hasAnyRole(roles(Journeys.LINKERS))
                        .requestMatchers(HttpMethod.POST, "/households/*/offer", "/households/*/har", "/households/*/move-in")
                                .hasAnyRole(roles(Journeys.RECORDERS))
                        .requestMatchers("/households/new", "/households/*/edit", "/households/import")
                                .hasAnyRole(roles(HouseholdRegister.REGISTRARS))
                        .requestMatchers(HttpMethod.POST, "/households", "/households/*")
                                .hasAnyRole(roles(HouseholdRegister.REGISTRARS))
                        .requestMatchers(HttpMethod.POST, "/coordination/policy").hasAnyRole(roles(Coordinators.POLICY_KEEPERS))
                        .requestMatchers(HttpMethod.POST, "/coordination/**").hasAnyRole(roles(Coordinators.COORDINATORS))
                        // A municipality's commitments: its own officer too; the facade checks which municipality.
                        .requestMatchers(HttpMethod.GET, "/coordination/municipalities/*", "/coordination/municipalities/*/commitments")
                                .authenticated()
                        .requestMatchers("/coordination", "/coordination/**").hasAnyRole(roles(Coordinators.READERS))
                        .requestMatchers(HttpMethod.POST, "/linking/**").hasAnyRole(roles(Journeys.LINKERS))
                        .requestMatchers("/linking", "/linking/**").hasAnyRole(roles(LinkingRuns.READERS))
                        // Temporary sites: the inventory checks scope (which sites) on top of these roles.
                        .requestMatchers("/sites/new", "/sites/*/edit", "/sites/import").hasAnyRole(roles(SiteInventory.EDITORS))
                        .requestMatchers(HttpMethod.POST, "/sites", "/sites/*", "/sites/*/status")
                                .hasAnyRole(roles(SiteInventory.EDITORS))
                        .requestMatchers("/sites", "/sites/**").hasAnyRole(roles(SiteInventory.READERS))
                        // Reception (issue 8): tasks, places and Ukrainians; the facade narrows readers to their rows.
                        .requestMatchers(HttpMethod.POST, "/reception/tasks/totals", "/reception/tasks/calculations")
                                .hasAnyRole(roles(ReceptionTasks.SETTERS))
                        .requestMatchers("/reception/tasks/places-import", "/reception/tasks/ukrainians-import")
                                .hasAnyRole(roles(ReceptionTasks.IMPORTERS))
                        .requestMatchers("/reception/tasks", "/reception/tasks/**").hasAnyRole(roles(ReceptionTasks.READERS))
                        // Reception (issue 8): locations and occupancy. COA planners keep locations, measures and imports,
                        // national coordinators set the norm, readers read; the facade narrows locations to scope.
                        .requestMatchers(HttpMethod.POST, "/reception/norm").hasAnyRole(roles(Receptions.NORM_KEEPERS))
                        .requestMatchers("/reception/locations/new", "/reception/locations/*/edit", "/reception/import")
                                .hasAnyRole(roles(Receptions.PLANNERS))
                        .requestMatchers(HttpMethod.POST, "/reception/locations", "/reception/locations/*",
                                "/reception/locations/*/measures").hasAnyRole(roles(Receptions.PLANNERS))
                        .requestMatchers(HttpMethod.GET, "/reception", "/reception/locations", "/reception/locations/*")
                                .hasAnyRole(roles(Receptions.READERS))
                        // Supervision: the province's supervisors change, readers read; the facades check which
                        // province or municipality, and the minister's request may also come from the ministry.
                        .requestMatchers(HttpMethod.POST, "/supervision/cases/*/minister-requests")
                                .hasAnyRole(roles(nl.doorstroom.supervision.Supervisors.MINISTER_REQUESTERS))
                        .requestMatchers(HttpMethod.POST, "/supervision/**")
                                .hasAnyRole(roles(nl.doorstroom.supervision.Supervisors.SUPERVISORS))
                        .requestMatchers("/supervision", "/supervision/**")
                                .hasAnyRole(roles(nl.doorstroom.supervision.Supervisors.READERS))
                        // Forecasts: analysts, the coordination centre and COA make and run scenarios; others read.
                        .requestMatchers(HttpMethod.POST, "/forecasts/**")
                                .hasAnyRole(roles(nl.doorstroom.forecasting.Forecasters.FORECASTERS))
                        .requestMatchers("/forecasts", "/forecasts/**")
                                .hasAnyRole(roles(nl.doorstroom.forecasting.Forecasters.READERS))
                        // Housing market (issue 9): the facade checks which corporation and municipality.
                        // Allocation-share scenarios (issue 9): their authors, narrowed to scope by the facade.
                        .requestMatchers(HttpMethod.POST, "/housing-market/simulations", "/housing-market/simulations/*")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.SimulationAccess.AUTHORS))
                        .requestMatchers(HttpMethod.POST, "/housing-market/corporations")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.KEEPERS))
                        .requestMatchers(HttpMethod.POST, "/housing-market/**")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.CHANGERS))
                        .requestMatchers("/housing-market/import", "/housing-market/corporations/*/figures/**")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.CHANGERS))
                        .requestMatchers("/housing-market", "/housing-market/**")
                                .hasAnyRole(roles(nl.doorstroom.housingmarket.MarketReaders.READERS))
                        // The table's meetings and action items (issue 10): the chair's side records and edits; an
                        // owner changes its own items' status (the facade checks whose); every role reads its part.
                        // Background reports and letter batches: the facade checks the job's kind and owner.
                        .requestMatchers("/governance/jobs/**")
                                .hasAnyRole(roles(nl.doorstroom.governance.GovernanceJobs.ROLES))
                        .requestMatchers("/governance/meetings/new", "/governance/meetings/*/edit",
                                "/governance/action-items/new", "/governance/action-items/*/edit")
                                .hasAnyRole(roles(nl.doorstroom.governance.TableMembers.EDITORS))
                        .requestMatchers(HttpMethod.POST, "/governance/action-items/*/status").authenticated()
                        .requestMatchers(HttpMethod.POST, "/governance/meetings", "/governance/meetings/*",
                                "/governance/meetings/*/action-items", "/governance/action-items",
                                "/governance/action-items/*")
                                .hasAnyRole(roles(nl.doorstroom.governance.TableMembers.EDITORS))
                        .anyRequest().authenticated())
                // A part of a page that htmx asks for after the session ended: send the whole page to the login.
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn()))
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(onSuccess(throttle, audit))
                        .failureHandler(onFailure()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** To the login page; a part of a page that htmx asks for after the session ended sends the whole page there. */
    private static AuthenticationEntryPoint signIn() {
        var entryPoints = new java.util.LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(request -> request.getHeader("HX-Request") != null, (request, response, ex) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        });
        var delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return delegating;
    }

    private static AuthenticationSuccessHandler onSuccess(LoginThrottle throttle, AuditTrail audit) {
        var delegate = new SavedRequestAwareAuthenticationSuccessHandler();
        delegate.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            audit.record(authentication.getName(), "session.login", "account",
                    CurrentUser.from(authentication).map(u -> u.accountId()).orElse(null), null);
            delegate.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The attempt was already counted by the throttle when the account was looked up. */
    private static AuthenticationFailureHandler onFailure() {
        return (request, response, exception) -> {
            // Thrown from the account lookup, so Spring wraps it.
            var locked = exception instanceof LockedException || exception.getCause() instanceof LockedException;
            response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
        };
    }

    /** Writes a problem+json answer; {@code key} names its title ({@code key.title}) and detail in the bundles. */
    static void problem(JsonMapper json, MessageSource messages, HttpServletRequest request,
            HttpServletResponse response, HttpStatus status, String key) throws IOException {
        var locale = ApiLocale.of(request);
        var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key + ".detail", null, locale));
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("API-Version", API_VERSION);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String[] roles(java.util.Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    /** Authenticates {@code Authorization: Bearer <token>} against the issued API tokens. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final JsonMapper json;
        private final MessageSource messages;

        BearerTokenFilter(ApiTokens tokens, JsonMapper json, MessageSource messages) {
            this.tokens = tokens;
            this.json = json;
            this.messages = messages;
        }

        /**
         * A streamed answer (a CSV export) is written in an async dispatch, which passes the authorization
         * rules again; without a session the token is what tells who asks, so it is read again there too.
         */
        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("API-Version", API_VERSION);
            var header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var user = tokens.authenticate(header.substring(7).strip());
                if (user.isEmpty()) {
                    problem(json, messages, request, response, HttpStatus.UNAUTHORIZED, "api.invalidToken");
                    return;
                }
                var authentication = new UsernamePasswordAuthenticationToken(user.get(), null,
                        List.of(new SimpleGrantedAuthority(user.get().role().authority())));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
            chain.doFilter(request, response);
        }
    }
}
