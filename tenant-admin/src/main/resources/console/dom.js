// What every screen builds its page with: elements, and refusals shown beside their fields.

/** An element with attributes and children (null children are left out). */
export function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.filter((c) => c !== null && c !== undefined).forEach((child) => node.append(child));
  return node;
}

/**
 * A payload's errors, each beside the form's field it names ([data-error-for]), else in
 * {@code fallback}; the form's earlier errors cleared first.
 */
export function showErrors(form, errors, fallback) {
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  for (const error of errors) {
    const field = error.field ? error.field[error.field.length - 1] : null;
    const slot = field && form.querySelector(`[data-error-for="${field}"]`);
    (slot || fallback).textContent = `${error.code}: ${error.message}`;
  }
}
