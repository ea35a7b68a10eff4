/** Accounts, sign-up and sign-in, and the security configuration: depends on no other module. */
@ApplicationModule(allowedDependencies = {})
package io.boardcast.account;

import org.springframework.modulith.ApplicationModule;
