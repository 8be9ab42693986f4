/**
 * Files attached to a feature's objects: where their bytes live, and the rules every upload obeys
 * (only JPEG, PNG and PDF, recognised by their content; a clean file name; a content hash).
 */
@NullMarked
package org.redgovernance.api.attachments;

import org.jspecify.annotations.NullMarked;
