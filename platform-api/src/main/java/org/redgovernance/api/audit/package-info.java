/**
 * The append-only audit log of mutations: who did what to which object of which community. The
 * runtime role may insert into it and nothing else.
 */
@NullMarked
package org.redgovernance.api.audit;

import org.jspecify.annotations.NullMarked;
