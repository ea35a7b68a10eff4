package io.boardcast.e2e;

import java.util.Locale;

/** The people in the scenarios; signed up once per run. Carol is never a member of anyone's board. */
enum User {
    ALICE, BOB, CAROL;

    String username() {
        return name().toLowerCase(Locale.ROOT);
    }

    String password() {
        return username() + "-e2e-password";
    }
}
