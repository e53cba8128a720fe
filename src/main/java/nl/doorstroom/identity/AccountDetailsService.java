package nl.doorstroom.identity;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks up accounts for form login, refusing usernames that are being guessed at.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final LoginThrottle throttle;

    AccountDetailsService(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (throttle.isBlocked(username)) {
            throw new LockedException("Too many failed logins; try again later");
        }
        return accounts.byUsername(username)
                .map(stored -> new AccountDetails(stored.account().asUser(), stored.passwordHash(),
                        stored.account().enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
