/**
 * The one way a mutation runs: its target located and the caller authorized ({@code
 * tenancy.MutationTargets}), then, in one tenant transaction, the feature's checks and its write —
 * the row, the feature's own rows beside it, the audit record and the change event in one
 * data-modifying statement ({@link org.redgovernance.api.commands.Write}) — and what changed read
 * back through the read model in the same transaction; a refusal anywhere rolls everything back and
 * answers the payload's {@code errors}.
 */
@NullMarked
package org.redgovernance.api.commands;

import org.jspecify.annotations.NullMarked;
