package nl.doorstroom.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks up accounts for form login. The login throttle is applied after the lookup, before the
 * password is checked (see the system module's security configuration).
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byUsername(username)
                .map(stored -> new AccountDetails(stored.account().asUser(), stored.passwordHash(),
                        stored.account().enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
