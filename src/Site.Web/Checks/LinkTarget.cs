using System.Text.RegularExpressions;

namespace Site.Web.Checks;

public enum LinkKind
{
    Internal,
    External,
    Mail,
    Phone,
    Unfollowable,
    Ignored,
}

/// <summary>Where a URL written on a page leads.</summary>
/// <param name="Kind">What kind of target it is.</param>
/// <param name="Path">For internal links: the decoded root-relative path.</param>
/// <param name="Fragment">The decoded fragment, if any.</param>
/// <param name="Url">The absolute URL, for external links.</param>
public sealed partial record LinkTarget(LinkKind Kind, string? Path = null, string? Fragment = null, Uri? Url = null)
{
    [GeneratedRegex(@"^[^@\s,;:<>()\[\]""]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Mailbox();

    /// <summary>Resolves <paramref name="url"/> as a browser would on the page at <paramref name="page"/> of the site at <paramref name="site"/>.</summary>
    public static LinkTarget Resolve(string url, Uri page, Uri site)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(site);
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return new LinkTarget(LinkKind.Mail, Path: url[7..]);
        }

        if (url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return new LinkTarget(LinkKind.Phone, Path: url[4..]);
        }

        if (url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return new LinkTarget(LinkKind.Unfollowable);
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return new LinkTarget(LinkKind.Ignored);
        }

        if (!Uri.TryCreate(page, url, out var absolute))
        {
            return new LinkTarget(LinkKind.Internal, Path: url);
        }

        if (absolute.Scheme is not ("http" or "https"))
        {
            return new LinkTarget(LinkKind.Ignored);
        }

        var sameSite = string.Equals(absolute.Host, site.Host, StringComparison.OrdinalIgnoreCase) && absolute.Port == site.Port;
        if (!sameSite)
        {
            return new LinkTarget(LinkKind.External, Url: absolute);
        }

        var fragment = absolute.Fragment.Length > 1 ? Uri.UnescapeDataString(absolute.Fragment[1..]) : null;
        return new LinkTarget(LinkKind.Internal, Uri.UnescapeDataString(absolute.AbsolutePath), fragment, absolute);
    }

    /// <summary>Why a mailto: or tel: target is malformed, or null when it is fine.</summary>
    public string? ContactProblem()
    {
        var value = Path ?? "";
        if (Kind == LinkKind.Mail)
        {
            var addresses = Uri.UnescapeDataString(value.Split('?', 2)[0]).Split(',', StringSplitOptions.TrimEntries);
            return addresses.All(a => Mailbox().IsMatch(a)) ? null : $"'{value}' is not an email address.";
        }

        if (Kind == LinkKind.Phone)
        {
            var digits = value.Count(char.IsAsciiDigit);
            var allowed = value.All(ch => char.IsAsciiDigit(ch) || ch is '+' or '-' or '.' or ' ' or '(' or ')');
            return allowed && digits is >= 3 and <= 15 && value.LastIndexOf('+') <= 0 ? null : $"'{value}' is not a phone number.";
        }

        return null;
    }
}
