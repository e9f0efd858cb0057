/** The html-validate set-up every built-site test uses: the recommended rules, told of the site's own conventions. */
import { HtmlValidate } from 'html-validate';

/**
 * html-validate with its recommended rules. Phone links keep ASCII hyphens (copy and in-page search find them) and
 * stay on one line by CSS: src/components/PhoneLink.astro gives them the class `phone` with `white-space: nowrap`, so
 * the tel-non-breaking rule is told to skip that class (the rule only sees inline styles).
 */
export function htmlValidator(): HtmlValidate {
  return new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'tel-non-breaking': ['error', { ignoreClasses: ['phone'] }] },
  });
}
