import { otherDomainForm } from '../../../shared/domain/domainKey';

/**
 * Under a domain shown as published, its other form when it is internationalised: the Punycode of
 * `مثال.شبكة`, the Unicode of `xn--mgbh0fb.xn--ngbc5azd`, which are counted and matched as one.
 * A line of text, not a tooltip, so everyone reads it.
 */
export function OtherDomainForm({ domain }: { domain: string }) {
  const other = otherDomainForm(domain);
  if (!other) return null;
  return (
    // dir="ltr": in a right-to-left cell (the Unicode form of an Arabic name) the line still reads "also written …".
    <div className="muted" dir="ltr" data-testid="other-domain-form">
      also written <bdi><code>{other}</code></bdi>
    </div>
  );
}
