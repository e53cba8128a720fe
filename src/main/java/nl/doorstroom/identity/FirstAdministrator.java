package nl.doorstroom.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production there are no demo accounts: the first administrator is created from
 * {@code DOORSTROOM_ADMIN_USERNAME} and {@code DOORSTROOM_ADMIN_PASSWORD} when no account exists yet.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountAdministration administration;
    private final String username;
    private final String password;

    FirstAdministrator(AccountAdministration administration,
            @Value("${doorstroom.admin.username:}") String username,
            @Value("${doorstroom.admin.password:}") String password) {
        this.administration = administration;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank() || !administration.accounts().isEmpty()) {
            return;
        }
        administration.create(new AccountAdministration.AccountForm(username, "Beheerder", Role.ADMINISTRATOR,
                Scope.nation(), true), password);
        log.info("Created the first administrator account from DOORSTROOM_ADMIN_USERNAME");
    }
}
