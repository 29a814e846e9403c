// Flags user-visible text written straight into JSX. Every string the admin reads must come from
// the English and Korean catalogues (renderer/src/i18n/), or Korean users would meet English.
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);
const HAS_LETTER = /\p{L}/u;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow hard-coded user-visible text in JSX; use t() from react-i18next.' },
    messages: {
      literal: 'User-visible text "{{text}}" is hard-coded. Add it to both i18n catalogues and use t().',
    },
    schema: [],
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: 'literal', data: { text: String(text).trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (HAS_LETTER.test(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal' && typeof node.value.value === 'string' && HAS_LETTER.test(node.value.value)) {
          report(node.value, node.value.value);
        }
        if (
          node.value.type === 'JSXExpressionContainer' &&
          node.value.expression.type === 'Literal' &&
          typeof node.value.expression.value === 'string' &&
          HAS_LETTER.test(node.value.expression.value)
        ) {
          report(node.value, node.value.expression.value);
        }
      },
    };
  },
};
