package nl.doorstroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.AccountAdministration.AccountForm;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.municipalities.Regions.RegionForm;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing in through the real login form, with sessions stored in PostgreSQL as in production.
 */
@IntegrationTest
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Regions regions;

    @ParameterizedTest
    @ValueSource(strings = { "coordinator", "analyst", "coa", "province-utrecht", "municipality-utrecht",
            "corporation", "admin" })
    void everyDemoAccountSignsInAndSeesTheMap(String username) throws Exception {
        var session = signIn(username, "doorstroom-demo");

        var map = mvc.perform(get("/").cookie(session)).andReturn().getResponse();

        assertThat(map.getStatus()).isEqualTo(200);
        assertThat(map.getContentAsString()).contains("class=\"area\"");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheSixthAttemptIsBlockedEvenWithTheRightOne() throws Exception {
        administration.create(new AccountForm("locked-out", "Test", Role.COA_PLANNER, Scope.nation(), true),
                "the right password");

        for (int i = 0; i < 5; i++) {
            assertThat(attempt("locked-out", "a wrong password").getRedirectedUrl()).endsWith("/login?error");
        }

        assertThat(attempt("locked-out", "the right password").getRedirectedUrl()).endsWith("/login?locked");
    }

    @Test
    void changingAnAccountEndsItsOpenSessions() throws Exception {
        var account = administration.create(new AccountForm("demoted", "Test", Role.NATIONAL_COORDINATOR,
                Scope.nation(), true), "a long enough password");
        var session = signIn("demoted", "a long enough password");
        assertThat(mvc.perform(get("/population-versions/import").cookie(session)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);

        administration.change(account.id(), account.version(), new AccountForm("demoted", "Test",
                Role.MINISTRY_ANALYST, Scope.nation(), true));

        var after = mvc.perform(get("/population-versions/import").cookie(session)).andReturn().getResponse();
        assertThat(after.getStatus()).isEqualTo(302);
        assertThat(after.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void anAdministratorDisablesAnAccountByUntickingEnabled() throws Exception {
        var account = administration.create(new AccountForm("to-disable", "Test", Role.COA_PLANNER, Scope.nation(),
                true), "a long enough password");

        var response = mvc.perform(post("/admin/accounts/" + account.id()).with(csrf())
                .with(authentication(nl.doorstroom.TestUsers.signedIn(Role.ADMINISTRATOR)))
                .param("version", String.valueOf(account.version())).param("username", "to-disable")
                .param("displayName", "Test").param("role", "COA_PLANNER")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(administration.find(account.id()).orElseThrow().enabled()).isFalse();
        assertThat(attempt("to-disable", "a long enough password").getRedirectedUrl()).endsWith("/login?error");
    }

    @Test
    void aProvinceSupervisorMayNotChangeSomeoneElsesRegion() throws Exception {
        var region = regions.define(new RegionForm("Regio van een ander", null, java.util.Set.of(
                MunicipalityCode.of("GM0344"))));
        var otherProvince = new nl.doorstroom.identity.DoorstroomUser(99, "province-other", "Other",
                Role.PROVINCE_SUPERVISOR, Scope.province(ProvinceCode.of("PV27")));
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(otherProvince,
                null, java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        Role.PROVINCE_SUPERVISOR.authority())));

        int status = mvc.perform(post("/regions/" + region.code() + "/delete").param("version", "0").with(csrf())
                .with(authentication(auth))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(regions.find(region.code())).isPresent();
    }

    Cookie signIn(String username, String password) throws Exception {
        var response = attempt(username, password);
        assertThat(response.getRedirectedUrl()).as("sign-in of " + username).isEqualTo("/");
        return response.getCookie("SESSION");
    }

    org.springframework.mock.web.MockHttpServletResponse attempt(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn().getResponse();
    }
}
